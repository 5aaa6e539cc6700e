package lab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.runner.bench.Launch;
import lab.runrecord.Measurement;
import lab.runrecord.ResultsJson;
import lab.runrecord.RunResults;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;
import lab.scenario.Catalogue;
import lab.scenario.Overrides;
import lab.variants.App;
import lab.variants.Variant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny ladder run end to end with the real jars: the stub, an MVC with 4 threads and WebFlux,
 * one warm Gatling worker per variant, two repeats, steady windows without the ramp, the results
 * and the report written, and nothing left running. Figures are checked as ratios with wide
 * margins: the suite runs on two busy cores.
 */
class EndToEndRunTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final int MVC_THREADS = 4;

    static RunResults results;
    static String printed;
    static Path out;

    @BeforeAll
    static void run(@TempDir Path dir) throws Exception {
        for (App app : List.of(App.STUB, App.MVC, App.WEBFLUX)) {
            assertThat(ROOT.resolve(app.jar()))
                    .as("%s must be built first (the reactor does)", app)
                    .isRegularFile();
        }
        assertThat(descendants()).isZero();
        // given relative, as `--out results/x` is: the files it names must still resolve
        out = Path.of("").toAbsolutePath().relativize(dir.resolve("run"));
        var spec = new Overrides(
                        false, List.of("mvc", "webflux"), List.of(2, 8), 100, 3, 1, 0, 0, null, 10_000, 2, 8, 5)
                .apply(Catalogue.load(ROOT).resolve("ladder", ROOT));
        List<Launch> launches = List.of(
                new Launch(Variant.MVC, List.of("--server.tomcat.threads.max=" + MVC_THREADS)),
                Launch.of(Variant.WEBFLUX));
        TestRuns.Outcome outcome = TestRuns.run(ROOT, out, spec, launches, 256);
        results = outcome.results();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Reports.write(out, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        printed = outcome.printed() + buffer.toString(StandardCharsets.UTF_8);
    }

    static long descendants() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .count();
    }

    @Test
    void everyStepIsMeasuredInEveryRepeatAndWrittenAsVersion2() {
        RunResults read = ResultsJson.read(ResultsJson.in(out));
        assertThat(read.schemaVersion()).isEqualTo(2);
        assertThat(read.variants()).extracting(VariantRun::name).containsExactly("mvc", "webflux");
        for (VariantRun v : read.variants()) {
            assertThat(v.failure()).as(printed).isNull();
            assertThat(v.steps()).extracting(StepRun::id).containsExactly("u2", "u8");
            v.steps().forEach(s -> assertThat(s.repeats()).hasSize(2));
            v.steps()
                    .forEach(s -> s.repeats()
                            .forEach(m ->
                                    assertThat(out.resolve(m.gatlingReport())).isDirectory()));
            assertThat(v.warmup()).isNotNull();
            assertThat(v.warmup().chunks()).isNotEmpty();
        }
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(read.reproduce().versions().reactorNetty()).startsWith("1.3.");
    }

    @Test
    void theWindowLeavesTheRampOutAndItsThroughputFitsLittlesLaw() {
        for (VariantRun v : results.variants()) {
            for (StepRun s : v.steps()) {
                for (Measurement m : s.repeats()) {
                    // 3 steady seconds of a 4-second step (1 s ramp): never the ramp's
                    assertThat(m.window().seconds()).isBetween(2.5, 3.5);
                    double identity =
                            s.load().users() * 1000 / m.client().latency().meanMs();
                    assertThat(m.client().throughputRps() / identity)
                            .as("%s %s: throughput = users / mean latency", v.name(), s.id())
                            .isBetween(0.8, 1.2);
                }
            }
        }
    }

    @Test
    void mvcWithFourThreadsIsPredictedAndMeasuredAtItsThreadCeiling() {
        VariantRun mvc = results.variant("mvc").orElseThrow();
        StepRun eight = mvc.steps().get(1);
        assertThat(mvc.ceilings().maxThreads()).isEqualTo(MVC_THREADS);
        assertThat(eight.prediction().basis()).isEqualTo("threads");
        assertThat(eight.repeats())
                .allSatisfy(m -> assertThat(m.app().threadsBusyMax()).isEqualTo(MVC_THREADS));
        assertThat(eight.prediction().measuredOverPredicted()).isBetween(0.6, 1.3);
        VariantRun webflux = results.variant("webflux").orElseThrow();
        assertThat(webflux.steps().get(1).prediction().basis()).isIn("users", "cpu");
        assertThat(webflux.steps().get(1).spread().throughputRps().median())
                .as("8 users on the event loop, not 4 threads")
                .isGreaterThan(1.5 * eight.spread().throughputRps().median());
    }

    @Test
    void oneWarmLoadGeneratorPerVariantAndNothingLeftRunning() throws Exception {
        try (var logs = Files.list(out.resolve("logs"))) {
            assertThat(logs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gatling-")))
                    .containsExactlyInAnyOrder("gatling-mvc.log", "gatling-webflux.log");
        }
        assertThat(descendants()).isZero();
    }
}
