package lab.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lab.contract.kit.DownstreamStub;
import lab.gatling.simulations.LoadPlan;
import lab.gatling.stats.WindowStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker as the lab drives it: one JVM, several runs in a row against the real stub, one
 * answer per command, and an exit of its own when its input closes.
 */
class LoadWorkerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long EXIT_TIMEOUT_SECONDS = 60;
    private static final String SIMULATION = "lab.gatling.simulations.StubDelaySimulation";
    /**
     * Threads that come and go between runs: Netty's global executor idles for a second, the JIT
     * adds and removes compiler threads. A leaked Gatling engine would leave at least its event
     * loops (two per CPU) after every run.
     */
    private static final int LINGERING_THREADS = 3;

    private static DownstreamStub stub;

    @TempDir
    Path results;

    private Process worker;

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

    @AfterEach
    void stopWorker() {
        if (worker != null) {
            worker.destroyForcibly();
        }
    }

    @Test
    void runsSeveralSimulationsInOneJvmAnswersEachAndExitsAtEndOfInput() throws Exception {
        worker = start();
        try (PrintStream commands = commands(worker);
                BufferedReader answers = answers(worker)) {
            WorkerReady ready = JSON.readValue(answers.readLine(), WorkerReady.class);
            assertThat(ready.pid()).isEqualTo(worker.pid());

            commands.println(command(
                    "ladder",
                    Map.of(
                            "ladder",
                            "2,4",
                            "rampSeconds",
                            "1",
                            "durationSeconds",
                            "3",
                            "openSeconds",
                            "3",
                            "rate",
                            "20")));
            RunAnswer ladder = JSON.readValue(answers.readLine(), RunAnswer.class);
            int threadsAfterFirstRun = threads(worker);
            commands.println(command("crash", Map.of("users", "0")));
            RunAnswer crash = JSON.readValue(answers.readLine(), RunAnswer.class);
            commands.println("not json");
            RunAnswer garbage = JSON.readValue(answers.readLine(), RunAnswer.class);
            List<RunAnswer> steps = new ArrayList<>();
            int threadsAfterLaterRuns = 0;
            for (int i = 1; i <= 3; i++) {
                if (i == 3) {
                    threadsAfterLaterRuns = threads(worker);
                }
                commands.println(command("step" + i, Map.of("users", "3", "durationSeconds", "2")));
                if (i == 3) {
                    // end of input: the worker still runs and answers what it was sent, then exits
                    commands.close();
                }
                steps.add(JSON.readValue(answers.readLine(), RunAnswer.class));
            }

            assertThat(ladder.id()).isEqualTo("ladder");
            assertThat(ladder.failed()).as(ladder.failure()).isFalse();
            assertThat(ladder.windows())
                    .extracting(window -> window.step().model())
                    .containsExactly(LoadPlan.Model.CLOSED, LoadPlan.Model.CLOSED, LoadPlan.Model.OPEN);
            assertThat(ladder.windows()).allMatch(WindowStats::complete).allMatch(window -> window.ok() > 0);
            assertThat(ladder.runDir().resolve(SimulationRunner.WINDOWS_FILE)).isRegularFile();

            assertThat(crash.exitCode()).isEqualTo(SimulationRunner.CRASHED);
            assertThat(crash.failure()).contains("users must be positive");
            assertThat(garbage.id()).isNull();
            assertThat(garbage.failure()).startsWith("unreadable command");

            Set<Path> runDirs = new HashSet<>(List.of(ladder.runDir()));
            for (int i = 0; i < steps.size(); i++) {
                RunAnswer step = steps.get(i);
                assertThat(step.id()).isEqualTo("step" + (i + 1));
                assertThat(step.failed()).as(step.failure()).isFalse();
                assertThat(step.windows()).singleElement().matches(WindowStats::complete);
                assertThat(step.stats().ok()).isPositive();
                runDirs.add(step.runDir());
            }
            assertThat(runDirs).hasSize(4);
            // each run's engine (actor system, event loops, HTTP client) is gone once it is over
            assertThat(threadsAfterLaterRuns).isLessThanOrEqualTo(threadsAfterFirstRun + LINGERING_THREADS);
            // a run's properties do not leak into the next: the 3-user steps ran without the ladder
            assertThat(steps.getFirst().windows().getFirst().step().users()).isEqualTo(3);
        }
        assertThat(worker.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).isZero();
    }

    @Test
    void exitsAtOnceWhenTheProcessDrivingItDiesEvenDuringARun() throws Exception {
        Process driver = new ProcessBuilder("sleep", "600").start();
        try {
            worker = start("--watch-pid", Long.toString(driver.pid()));
            PrintStream commands = commands(worker);
            BufferedReader answers = answers(worker);
            answers.readLine(); // ready
            commands.println(command("long", Map.of("users", "2", "durationSeconds", "600")));
            // the run has started once Gatling wrote its run folder
            while (!hasRunFolder()) {
                Thread.sleep(100);
            }

            driver.destroyForcibly();

            assertThat(worker.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(worker.exitValue()).isEqualTo(LoadWorker.ABANDONED);
            assertThat(answers.readLine()).isNull();
        } finally {
            driver.destroyForcibly();
        }
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                // quicker start for these short runs; the lab's worker keeps the full JIT
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                LoadWorker.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(results.resolve("worker.err").toFile())
                .start();
    }

    private String command(String id, Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("target", stub.baseUrl());
        all.put("delayMs", "50");
        all.put("assertions", "false");
        return JSON.writeValueAsString(new RunCommand(id, SIMULATION, all, results, id, false));
    }

    private boolean hasRunFolder() throws IOException {
        try (Stream<Path> children = Files.list(results)) {
            return children.anyMatch(Files::isDirectory);
        }
    }

    private static PrintStream commands(Process process) {
        return new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static BufferedReader answers(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static int threads(Process process) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            return (int) tasks.count();
        }
    }
}
