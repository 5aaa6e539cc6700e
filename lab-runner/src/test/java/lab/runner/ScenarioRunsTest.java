package lab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lab.runner.bench.Launch;
import lab.runrecord.Measurement;
import lab.runrecord.RunResults;
import lab.runrecord.ScenarioSpec;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;
import lab.scenario.Catalogue;
import lab.variants.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two catalogue scenarios end to end with tiny parameters and real processes: a blocking call on
 * the event loop, and the downstream slowing down mid-run. Ratios with wide margins, no clocks.
 */
class ScenarioRunsTest {

    static final Path ROOT = EndToEndRunTest.ROOT;
    static final int DELAY_MS = 100;
    static final int MVC_THREADS = 8;

    @Test
    void blockingIoCollapsesWebfluxToItsEventLoopThreadsWhileMvcServesItsUsers(@TempDir Path out) throws Exception {
        ScenarioSpec catalogue = Catalogue.load(ROOT).resolve("blocking-io", ROOT);
        int users = 32;
        // the first step (no more users than event-loop threads) queues nowhere: it sets the per-request overhead;
        // 5 s windows, so that some of the lab's scrapes get through the blocked event loops (its meters
        // are what names the bottleneck)
        ScenarioSpec spec =
                tiny(catalogue, new ScenarioSpec.Load("ladder", List.of(2, users), 6, 1, 1, 0, 0, 10_000), List.of());

        RunResults results = run(spec, out, Launch.of(Variant.MVC), Launch.of(Variant.WEBFLUX));

        VariantRun webflux = results.variant("webflux").orElseThrow();
        VariantRun mvc = results.variant("mvc").orElseThrow();
        int loops = webflux.runtime().eventLoopThreads();
        double eventLoopCeiling = loops * 1000.0 / DELAY_MS;
        StepRun wf = webflux.steps().getLast();
        StepRun mv = mvc.steps().getLast();
        assertThat(wf.spread().throughputRps().median())
                .as("webflux on %d blocked event-loop threads", loops)
                .isLessThanOrEqualTo(2 * eventLoopCeiling);
        assertThat(wf.prediction().basis()).isEqualTo("threads");
        assertThat(wf.prediction().threadCeilingRps())
                .isCloseTo(eventLoopCeiling, org.assertj.core.data.Percentage.withPercentage(30));
        assertThat(mv.spread().throughputRps().median())
                .as("mvc's 200 threads serve all %d users", users)
                .isGreaterThan(2 * wf.spread().throughputRps().median());
        Measurement w = wf.repeats().getFirst();
        Measurement m = mv.repeats().getFirst();
        assertThat(wf.bottleneck().cause()).isEqualTo(lab.runrecord.StepRun.Bottleneck.Cause.EVENT_LOOP);
        assertThat(w.server().healthProbeMs())
                .as("/actuator/health waits behind blocked event loops")
                .isGreaterThan(3 * m.server().healthProbeMs());
    }

    @Test
    void aSlowerDownstreamExhaustsMvcsThreadsUntilItRecovers(@TempDir Path out) throws Exception {
        ScenarioSpec catalogue = Catalogue.load(ROOT).resolve("slowdown", ROOT);
        int rate = 30;
        ScenarioSpec.Phase slow = new ScenarioSpec.Phase("slow downstream", 4, 4, 400);
        ScenarioSpec spec =
                tiny(catalogue, new ScenarioSpec.Load("open", List.of(), 14, 1, 0, rate, 14, 30_000), List.of(slow));

        RunResults results =
                run(spec, out, new Launch(Variant.MVC, List.of("--server.tomcat.threads.max=" + MVC_THREADS)));

        StepRun step = results.variant("mvc").orElseThrow().steps().getFirst();
        StepRun.Timeline timeline = step.timeline();
        assertThat(timeline.phases()).hasSize(1);
        StepRun.Timeline.PhaseMark phase = timeline.phases().getFirst();
        List<Measurement.SecondPoint> series = step.repeats().getFirst().series();
        double busyBefore = max(series, p -> p.t() < phase.startT());
        double busyDuring = max(series, p -> p.t() >= phase.startT() && p.t() < phase.endT() + 1);
        double busyAtEnd = series.stream()
                .filter(p -> p.threadsBusy() != null)
                .reduce((a, b) -> b)
                .orElseThrow()
                .threadsBusy();
        assertThat(busyBefore).as("30/s at 100 ms need 3 threads").isLessThan(MVC_THREADS);
        assertThat(busyDuring)
                .as("at 500 ms, 4 threads serve 8/s of the 30 arriving")
                .isEqualTo(MVC_THREADS);
        assertThat(busyAtEnd).as("back after the downstream recovered").isLessThan(MVC_THREADS);
        assertThat(timeline.predictedPeakQueue())
                .as("(30 - 4 / 0.5 s) per second, for 4 s")
                .isGreaterThan(50);
    }

    private static double max(
            List<Measurement.SecondPoint> series, java.util.function.Predicate<Measurement.SecondPoint> when) {
        return series.stream()
                .filter(when)
                .map(Measurement.SecondPoint::threadsBusy)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
    }

    /** The catalogue entry with a tiny load, no warm-up to speak of, one repeat. */
    private static ScenarioSpec tiny(ScenarioSpec s, ScenarioSpec.Load load, List<ScenarioSpec.Phase> phases) {
        return new ScenarioSpec(
                s.name(),
                s.title(),
                s.summary(),
                new ScenarioSpec.Request(s.request().endpoint(), Map.of("delayMs", DELAY_MS)),
                s.variants(),
                s.appArgs(),
                load,
                phases.isEmpty() ? s.phases() : phases,
                s.prediction(),
                s.reading(),
                1,
                new ScenarioSpec.Warmup(8, 2, 2, 0.5, 0),
                s.quick());
    }

    private static RunResults run(ScenarioSpec spec, Path out, Launch... launches) throws Exception {
        TestRuns.Outcome outcome = TestRuns.run(ROOT, out, spec, List.of(launches), 256);
        RunResults results = outcome.results();
        results.variants()
                .forEach(v -> assertThat(v.failure()).as(outcome.printed()).isNull());
        assertThat(EndToEndRunTest.descendants()).isZero();
        return results;
    }
}
