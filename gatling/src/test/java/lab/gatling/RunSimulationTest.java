package lab.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lab.contract.kit.DownstreamStub;
import lab.gatling.stats.GatlingStatsReader;
import lab.gatling.stats.StepStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner as the lab uses it: a separate JVM running a closed-model simulation against the real
 * stub jar, then the stats read back from the run folder it names.
 */
class RunSimulationTest {

    private static final int USERS = 5;
    private static final int DELAY_MS = 50;
    private static final int DURATION_SECONDS = 3;
    private static final long RUN_TIMEOUT_SECONDS = 90;
    /** A word that is also valid base64, which Gatling would decode into garbage if passed raw. */
    private static final String DESCRIPTION = "labStep42";

    private static final String OPENS = "--add-opens=java.base/java.lang=ALL-UNNAMED";

    private static DownstreamStub stub;

    @TempDir
    Path results;

    @BeforeAll
    static void startStub() {
        stub = DownstreamStub.start();
    }

    @AfterAll
    static void stopStub() {
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void runsOneStepInItsOwnJvmAndLeavesStatsTheLabCanRead() throws Exception {
        Run run = runSimulation(
                Map.of("TARGET", stub.baseUrl()),
                "-Dusers=" + USERS,
                "-DdelayMs=" + DELAY_MS,
                "-DdurationSeconds=" + DURATION_SECONDS,
                "-Dassertions=true",
                "-DmaxKoPercent=0");

        assertThat(run.exitCode()).as(run.output()).isZero();
        Path runDir = run.runDir();
        assertThat(runDir.getParent()).isEqualTo(results);
        assertThat(runDir.resolve("index.html")).content().contains(DESCRIPTION);
        assertThat(runDir.resolve(GatlingStatsReader.SUMMARY_FILE)).isRegularFile();

        StepStats stats = GatlingStatsReader.read(runDir);
        assertThat(stats.ko()).isZero();
        assertThat(stats.errors()).isEmpty();
        // Little's law for a closed model without think time: throughput = users / mean latency
        // (a little less: a new user takes a moment to start), and never more than users / delay
        double byMeasuredLatency = USERS / (stats.meanMs() / 1000.0);
        assertThat(stats.throughputRps()).isBetween(byMeasuredLatency * 0.5, byMeasuredLatency * 1.1);
        assertThat(stats.throughputRps()).isLessThanOrEqualTo(USERS / (DELAY_MS / 1000.0) * 1.05);
        assertThat(stats.p50Ms()).isGreaterThanOrEqualTo(DELAY_MS);
        assertThat(stats.ok()).isGreaterThan(USERS);
        assertThat(GatlingStatsReader.decode(runDir)).isEqualTo(stats);
        // WARN-level logging: no per-request DEBUG lines
        assertThat(run.output()).doesNotContain("DEBUG").hasSizeLessThan(20_000);
    }

    @Test
    void failedRequestsFailTheAssertionButStillLeaveStats() throws Exception {
        Run run = runSimulation(
                Map.of(), "-Dtarget=http://127.0.0.1:1", "-Dusers=2", "-DdurationSeconds=1", "-DmaxKoPercent=1");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        StepStats stats = GatlingStatsReader.read(run.runDir());
        assertThat(stats.ok()).isZero();
        assertThat(stats.errors()).containsOnlyKeys("connect refused");
        assertThat(stats.errors().get("connect refused")).isEqualTo(stats.ko()).isPositive();
    }

    @Test
    void aSettingOutOfRangeStopsTheRunBeforeAnyRequest() throws Exception {
        Run run = runSimulation(Map.of(), "-Dtarget=" + stub.baseUrl(), "-Dusers=0");

        assertThat(run.exitCode()).isEqualTo(RunSimulation.CRASHED);
        assertThat(run.output())
                .contains("Run failed: java.lang.IllegalArgumentException: users must be positive, got 0")
                .doesNotContain(RunSimulation.RUN_DIR_PREFIX);
        assertThat(GatlingStatsReader.latestRun(results)).isEmpty();
    }

    private Run runSimulation(Map<String, String> env, String... properties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                OPENS,
                // quicker start for these short runs; the lab's JVMs keep the full JIT
                "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(properties));
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                RunSimulation.class.getName(),
                "--simulation",
                "lab.gatling.simulations.StubDelaySimulation",
                "--results-folder",
                results.toString(),
                "--run-description",
                DESCRIPTION));
        Path output = Files.createTempFile(results, "runner", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .as("runner finished")
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(output));
    }

    private record Run(int exitCode, String output) {
        Path runDir() {
            String line = output.lines()
                    .filter(l -> l.startsWith(RunSimulation.RUN_DIR_PREFIX))
                    .reduce((a, b) -> b)
                    .orElseThrow(
                            () -> new AssertionError("no " + RunSimulation.RUN_DIR_PREFIX + " line in\n" + output));
            return Path.of(line.substring(RunSimulation.RUN_DIR_PREFIX.length()));
        }
    }
}
