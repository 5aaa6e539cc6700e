package lab.runner.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.gatling.RunAnswer;
import lab.gatling.SimulationRunner;
import lab.gatling.simulations.LoadPlan;
import lab.gatling.stats.WindowStats;
import lab.runner.process.JavaLauncher;
import lab.runner.process.ManagedProcess;
import lab.runner.process.ProcessGroup;
import lab.runner.process.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's side of the warm Gatling JVM, against the real stub: warm-up chunks and a ladder
 * with its open step in one worker process, each run's folder where the report expects it, and
 * nothing left running.
 */
class GatlingWorkerTest {

    private static final Path STUB_JAR =
            Path.of("..").toAbsolutePath().normalize().resolve("downstream-stub/target/downstream-stub.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final int DELAY_MS = 50;
    /** The ladder pointed at the stub itself: real traffic without an app. */
    private static final String STUB = "lab.gatling.simulations.StubDelaySimulation";

    private static final int REQUEST_TIMEOUT_MS = 5_000;
    /** Gatling injects in one-second ticks. */
    private static final Duration TICK = Duration.ofSeconds(1);

    @Test
    void oneWorkerRunsWarmUpChunksThenTheLadderAndItsOpenStep(@TempDir Path out) throws Exception {
        assertThat(STUB_JAR)
                .as("build the stub first: ./mvnw -q -pl downstream-stub package")
                .isRegularFile();
        JavaLauncher java = new JavaLauncher();
        List<ManagedProcess> started = new ArrayList<>();
        try (ProcessGroup group = new ProcessGroup()) {
            ManagedProcess stub = java.startJar(
                    group,
                    "stub",
                    STUB_JAR,
                    "",
                    List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                    List.of("--server.port=0", "--server.address=127.0.0.1"),
                    out.resolve("logs"));
            String target = "http://127.0.0.1:"
                    + new Readiness().awaitReady(stub, out.resolve("logs").resolve("stub.port"), START_TIMEOUT);

            try (GatlingWorker gatling =
                    GatlingWorker.start(java, group, "gatling-test", "", GatlingWorker.jvmFlags(256, 1), out)) {
                started.add(gatling.process());
                long pid = gatling.pid();
                assertThat(gatling.process().isAlive()).isTrue();

                List<RunAnswer> chunks = new ArrayList<>();
                for (int i = 1; i <= 2; i++) {
                    LoadRequest chunk = new LoadRequest(
                            "warmup-" + i, STUB, target, 4, 0, DELAY_MS, 2, 0, REQUEST_TIMEOUT_MS, 4, false);
                    chunks.add(gatling.run(chunk));
                }
                RunAnswer ladder = gatling.run(new LadderRequest(
                        "test-ladder",
                        STUB,
                        target,
                        List.of(2, 4),
                        DELAY_MS,
                        1,
                        3,
                        1,
                        20,
                        3,
                        REQUEST_TIMEOUT_MS,
                        true,
                        Map.of("bytes", "64")));

                for (RunAnswer chunk : chunks) {
                    assertThat(chunk.failed()).as(chunk.failure()).isFalse();
                    assertThat(chunk.windows()).singleElement().matches(WindowStats::complete);
                    assertThat(chunk.runDir().resolve("index.html")).doesNotExist();
                }
                assertThat(ladder.failed()).as(ladder.failure()).isFalse();
                assertThat(ladder.runDir()).isEqualTo(out.resolve("gatling").resolve("test-ladder"));
                assertThat(ladder.runDir().resolve("index.html")).isRegularFile();
                assertThat(ladder.runDir().resolve(SimulationRunner.WINDOWS_FILE))
                        .isRegularFile();
                assertThat(ladder.windows())
                        .extracting(window -> window.step().label())
                        .containsExactly("2 users", "4 users", "20/s");
                assertThat(ladder.windows()).allMatch(WindowStats::complete);
                assertThat(ladder.windows().getLast().step().model()).isEqualTo(LoadPlan.Model.OPEN);
                // the windows follow one another and lie inside the run (give or take the late start of a
                // population's first user on a busy machine, which shifts its windows a little later)
                for (int i = 1; i < ladder.windows().size(); i++) {
                    assertThat(ladder.windows().get(i).start())
                            .isAfter(ladder.windows().get(i - 1).end());
                }
                assertThat(ladder.windows().getFirst().start())
                        .isAfter(ladder.stats().start());
                assertThat(ladder.windows().getLast().end())
                        .isBefore(ladder.stats().end().plus(TICK));
                // still the same JVM
                assertThat(gatling.pid()).isEqualTo(pid);
                assertThat(gatling.isAlive()).isTrue();
                assertThat(Files.exists(out.resolve("gatling").resolve(".runs").resolve("test-ladder")))
                        .isFalse();
            }
            assertThat(started).noneMatch(ManagedProcess::isAlive);
        }
    }

    @Test
    void aWorkerThatCannotStartSaysWhyAndLeavesNothingRunning(@TempDir Path out) throws Exception {
        JavaLauncher java = new JavaLauncher();
        try (ProcessGroup group = new ProcessGroup()) {
            List<String> badFlags = List.of("-XX:+NoSuchJvmFlag");

            Exception failure = null;
            try {
                GatlingWorker.start(java, group, "gatling-bad", "", badFlags, out)
                        .close();
            } catch (java.io.IOException e) {
                failure = e;
            }

            assertThat(failure).isNotNull().hasMessageContaining("exited during start-up");
            assertThat(group.running()).isEmpty();
        }
    }
}
