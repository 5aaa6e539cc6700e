package lab.runner.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.runner.bench.Launch;
import lab.runner.output.Results;
import lab.runner.output.ResultsFiles;
import lab.runner.output.StepResult;
import lab.runner.output.VariantResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tiny real ladder: the real stub, the real apps pinned as in a real run, real Gatling JVMs.
 * MVC with 4 Tomcat threads at 400 ms can serve 4 / 0.4 s = 10 rps whatever the users; WebFlux
 * serves users / delay. Only ratios are asserted, with generous margins: the machine may be busy.
 */
class CompareRunEndToEndTest {

    static final int DELAY_MS = 400;
    static final int FEW = 4;
    static final int MANY = 32;
    static final int WARMUP_SECONDS = 3;
    static final int STEP_SECONDS = 5;

    /** Under target/ rather than a temporary folder: when this test fails, the run is there to look at. */
    static final Path out = Path.of("target/e2e-compare").toAbsolutePath();

    static Results results;
    static String printed;

    @BeforeAll
    static void runTinyLadder() throws Exception {
        Jars.requireBuilt();
        deleteTree(out);
        Launch mvc = Launch.named("mvc").withExtraArgs(List.of("--server.tomcat.threads.max=4"));
        CompareSettings settings = new CompareSettings(
                Jars.ROOT,
                out,
                "ladder",
                false,
                List.of(mvc, Launch.named("webflux")),
                List.of(FEW, MANY),
                DELAY_MS,
                STEP_SECONDS,
                0,
                WARMUP_SECONDS,
                MANY,
                0,
                1,
                256,
                "G1",
                1,
                10_000,
                256,
                null);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        results = new CompareRun(settings, new PrintStream(buffer, true)).run();
        printed = buffer.toString();
        Files.writeString(out.resolve("console.txt"), printed);
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static StepResult step(String variant, int users) {
        VariantResult v = results.variants().stream()
                .filter(x -> x.name().equals(variant))
                .findFirst()
                .orElseThrow();
        assertThat(v.error()).as(variant + " error").isNull();
        return v.steps().stream().filter(s -> s.users() == users).findFirst().orElseThrow();
    }

    @Test
    void mvcHitsItsThreadCeiling() {
        StepResult few = step("mvc", FEW);
        StepResult many = step("mvc", MANY);
        assertThat(few.ok()).isPositive();
        assertThat(many.throughputRps()).as(printed).isLessThanOrEqualTo(1.5 * few.throughputRps());
        // the model knows why: 4 threads / 0.4 s
        assertThat(results.variants().getFirst().maxThreads()).isEqualTo(4);
        assertThat(many.threadCeilingRps()).isEqualTo(10.0);
        assertThat(many.predictedRps()).isLessThanOrEqualTo(10.0);
    }

    @Test
    void webfluxScalesWithUsers() {
        StepResult few = step("webflux", FEW);
        StepResult many = step("webflux", MANY);
        assertThat(many.throughputRps()).as(printed).isGreaterThanOrEqualTo(3 * few.throughputRps());
        assertThat(many.threadCeilingRps()).isNull();
        assertThat(many.ko()).isZero();
    }

    @Test
    void writesResultsCsvGatlingReportsAndReadsTheAppsSettings() throws Exception {
        assertThat(ResultsFiles.read(out)).isEqualTo(results);
        assertThat(Files.readAllLines(out.resolve("steps.csv"))).hasSize(1 + 4);
        assertThat(out.resolve("gatling/mvc-4/index.html")).isRegularFile();
        assertThat(out.resolve("gatling/webflux-32/index.html")).isRegularFile();
        assertThat(out.resolve("gatling/webflux-warmup/index.html")).doesNotExist();
        assertThat(results.variants().getFirst().warmup().throughputRps()).isPositive();
        assertThat(step("webflux", MANY).gatlingReport()).isEqualTo("gatling/webflux-32");
        assertThat(results.variants().getFirst().settings().path("model").asText())
                .isEqualTo("thread-per-request");
        StepResult s = step("mvc", MANY);
        assertThat(s.appCpuCores()).isPositive();
        assertThat(s.appRssMiB()).isPositive();
        assertThat(s.appThreadsLive()).isPositive();
        assertThat(s.series()).isNotEmpty();
        assertThat(results.environment().nofileLimit()).isPositive();
    }

    @Test
    void printsProgressAndASummaryTable() {
        assertThat(printed)
                .contains("step 1 of 4")
                .contains("step 4 of 4")
                .contains("ETA")
                .contains("mvc (rps / p99 / errors)")
                .contains("webflux (rps / p99 / errors)");
    }

    @Test
    void leavesNothingRunning() {
        assertThat(Jars.descendants()).isZero();
    }
}
