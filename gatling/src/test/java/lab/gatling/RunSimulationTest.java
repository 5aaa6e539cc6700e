package lab.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lab.contract.kit.DownstreamStub;
import lab.gatling.stats.GatlingStatsReader;
import lab.gatling.stats.StepStats;
import lab.gatling.stats.WindowStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runner as the lab uses it: a separate JVM running a closed-model simulation against the real
 * stub jar, then the stats read back from the run folder it names.
 */
class RunSimulationTest {

    private static final int USERS = 5;
    private static final int DELAY_MS = 100;
    private static final int RAMP_SECONDS = 3;
    private static final int DURATION_SECONDS = 6;
    /**
     * Little's law in the steady window, within 10 %: a busy shared machine adds a few ms between a
     * response and the next request, and a fresh JVM's first user may start late; including the
     * ramp would lose about 15 % (the ramp runs at half the users on average).
     */
    private static final double LITTLE_MARGIN = 0.10;
    /** Gatling's percentiles come from a t-digest whose result can move by a millisecond between decodes. */
    private static final long T_DIGEST_SLACK_MS = 2;

    private static final long RUN_TIMEOUT_SECONDS = 90;
    /** A word that is also valid base64, which Gatling would decode into garbage if passed raw. */
    private static final String DESCRIPTION = "labStep42";

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
                "-DrampSeconds=" + RAMP_SECONDS,
                "-DdurationSeconds=" + DURATION_SECONDS,
                "-Dassertions=true",
                "-DmaxKoPercent=0");

        assertThat(run.exitCode()).as(run.output()).isZero();
        Path runDir = run.runDir();
        assertThat(runDir.getParent()).isEqualTo(results);
        assertThat(runDir.resolve("index.html")).content().contains(DESCRIPTION);
        assertThat(runDir.resolve(GatlingStatsReader.SUMMARY_FILE)).isRegularFile();

        assertThat(runDir.resolve(SimulationRunner.WINDOWS_FILE)).isRegularFile();

        StepStats stats = GatlingStatsReader.read(runDir);
        assertThat(stats.ko()).isZero();
        assertThat(stats.errors()).isEmpty();
        // the saved summary is what a fresh decode gives, but for Gatling's t-digest percentiles,
        // which can differ by a millisecond from one decode of the same log to the next
        StepStats decodedAgain = GatlingStatsReader.decode(runDir);
        assertThat(decodedAgain)
                .usingRecursiveComparison()
                .ignoringFields("p50Ms", "p95Ms", "p99Ms")
                .isEqualTo(stats);
        assertThat(decodedAgain.p99Ms()).isCloseTo(stats.p99Ms(), within(T_DIGEST_SLACK_MS));
        WindowStats window = windows(runDir).getFirst();
        assertThat(window.complete()).isTrue();
        assertThat(window.duration()).isEqualTo(Duration.ofSeconds(DURATION_SECONDS - 1));
        assertThat(window.ko()).isZero();
        assertThat(window.latency().p50Ms()).isGreaterThanOrEqualTo(DELAY_MS);
        // Little's law for a closed model without think time: throughput = users / mean latency,
        // which checks the measurement itself; never more than users / delay
        double byMeasuredLatency = USERS / (window.latency().meanMs() / 1000.0);
        assertThat(window.throughputRps()).isBetween(byMeasuredLatency * (1 - LITTLE_MARGIN), byMeasuredLatency * 1.03);
        assertThat(window.throughputRps()).isLessThanOrEqualTo(USERS / (DELAY_MS / 1000.0) * 1.02);
        // the whole run, ramp included, would fail that check
        double wholeRunLittle = USERS / (stats.meanMs() / 1000.0);
        assertThat(stats.throughputRps()).isLessThan(wholeRunLittle * (1 - LITTLE_MARGIN));
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

    private static List<WindowStats> windows(Path runDir) throws IOException {
        return JSON.readValue(
                runDir.resolve(SimulationRunner.WINDOWS_FILE).toFile(), new TypeReference<List<WindowStats>>() {});
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
