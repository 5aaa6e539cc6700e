package lab.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import lab.runner.sampling.Probe;
import lab.runner.sampling.Sample;
import lab.runner.sampling.Samples;
import lab.runrecord.Measurement;
import org.junit.jupiter.api.Test;

class StepAssemblerTest {

    private static final Instant START = Instant.ofEpochMilli(100_000);
    private static final Instant END = Instant.ofEpochMilli(110_000);

    private static Measurement.SecondPoint server(double t, double cpu) {
        return new Measurement.SecondPoint(
                t, null, null, null, null, null, cpu, 900.0, 30.0, 150.0, 160.0, 2.0, 0.1, 0.3, 0.1, 4.0);
    }

    private static LoadWindow.ClientSecond client(double t, double rps) {
        return new LoadWindow.ClientSecond(t, null, rps, 101.0, 120.0, 1);
    }

    @Test
    void theSamplersAndTheClientsSecondsAreMatchedByTheWholeSecond() {
        List<Measurement.SecondPoint> merged = StepAssembler.merge(
                List.of(server(0.2, 0.5), server(1.2, 0.6), server(2.2, 0.7)),
                List.of(client(0, 1000), client(1, 1100), client(3, 1300)));

        assertThat(merged).extracting(Measurement.SecondPoint::t).containsExactly(0.2, 1.2, 2.2, 3.0);
        // both sides' figures where both have the second
        assertThat(merged.get(1).throughputRps()).isEqualTo(1100);
        assertThat(merged.get(1).p99Ms()).isEqualTo(120);
        assertThat(merged.get(1).ko()).isEqualTo(1);
        assertThat(merged.get(1).appCpuCores()).isEqualTo(0.6);
        assertThat(merged.get(1).threadsBusy()).isEqualTo(150);
        assertThat(merged.get(1).healthProbeMs()).isEqualTo(4);
        // a second only the sampler has keeps the client's figures empty, and the other way round
        assertThat(merged.get(2).appCpuCores()).isEqualTo(0.7);
        assertThat(merged.get(2).throughputRps()).isNull();
        assertThat(merged.get(3).throughputRps()).isEqualTo(1300);
        assertThat(merged.get(3).appCpuCores()).isNull();
    }

    @Test
    void aSampleJustBeforeTheNextSecondBelongsToTheSecondItFallsIn() {
        List<Measurement.SecondPoint> merged = StepAssembler.merge(
                List.of(server(0.98, 0.5), server(2.01, 0.6)),
                List.of(client(0, 1000), client(1, 1100), client(2, 1200)));

        assertThat(merged).extracting(Measurement.SecondPoint::t).containsExactly(0.98, 1.0, 2.01);
        assertThat(merged).extracting(Measurement.SecondPoint::throughputRps).containsExactly(1000.0, 1100.0, 1200.0);
    }

    @Test
    void aWindowBecomesAMeasurementOfItsOwnSamplesOnly() {
        LoadWindow w = new LoadWindow(
                false,
                400,
                null,
                2,
                10,
                START,
                END,
                true,
                18_000,
                20,
                1802,
                null,
                new Measurement.Latency(215, 210, 230, 260, 400),
                Map.of("status.find.in(200..399), but actually found 503", 20L),
                List.of(client(0, 1800), client(1, 1805)));
        List<Sample> samples = List.of(
                // the ramp: the app at full speed before the window, never counted
                Samples.at(98_000).app(0, 500, 30).stub(0).loadGen(0).build(),
                Samples.at(100_500)
                        .metrics("tomcat_threads_busy_threads 200", "lab_requests_in_progress 400")
                        .app(50, 900, 230)
                        .stub(10)
                        .loadGen(20)
                        .build(),
                Samples.at(101_500)
                        .metrics("tomcat_threads_busy_threads 198", "lab_requests_in_progress 399")
                        .app(50.36, 905, 231)
                        .stub(10.1)
                        .loadGen(20.3)
                        .build());
        List<Probe> stub = List.of(new Probe(100_600, 104));

        Measurement m = StepAssembler.assemble(
                w, samples, stub, List.of(), new StepAssembler.Context(2, 1, 100, "gatling/mvc-r2", null, null));

        assertThat(m.repeat()).isEqualTo(2);
        assertThat(m.window().seconds()).isEqualTo(10);
        assertThat(m.window().start()).isEqualTo("1970-01-01T00:01:40Z");
        assertThat(m.client().throughputRps()).isEqualTo(1802);
        assertThat(m.client().ko()).isEqualTo(20);
        assertThat(m.client().errors()).containsEntry("status.find.in(200..399), but actually found 503", 20L);
        assertThat(m.client().latency().p99Ms()).isEqualTo(260);
        // 0.36 CPU seconds in the 1 s between the window's two samples, per 1,802 requests/s
        assertThat(m.app().cpuCores()).isCloseTo(0.36, within(1e-9));
        assertThat(m.app().cpuMsPerRequest()).isCloseTo(0.36 * 1000 / 1802, within(1e-9));
        assertThat(m.app().threadsBusyMax()).isEqualTo(200);
        assertThat(m.app().inFlightMax()).isEqualTo(400);
        assertThat(m.app().threadStacks()).isNull();
        assertThat(m.loadSide().gatlingCpuCores()).isCloseTo(0.3, within(1e-9));
        assertThat(m.loadSide().stubOverheadMs()).isCloseTo(4, within(1e-9));
        assertThat(m.cgroup()).isNull();
        assertThat(m.gatlingReport()).isEqualTo("gatling/mvc-r2");
        assertThat(m.series()).extracting(Measurement.SecondPoint::t).containsExactly(0.5, 1.5);
        assertThat(m.series().get(1).throughputRps()).isEqualTo(1805);
        assertThat(m.series().get(1).threadsBusy()).isEqualTo(198);
    }

    @Test
    void threadStacksMeasuredForTheRunAreKept() {
        LoadWindow w = new LoadWindow(
                false,
                10_000,
                null,
                10,
                30,
                START,
                END,
                true,
                1000,
                0,
                100,
                null,
                new Measurement.Latency(10_000, 10_000, 10_000, 10_000, 10_000),
                Map.of(),
                List.of());
        Measurement.ThreadStacks stacks = new Measurement.ThreadStacks(9732, 8570, 796);

        Measurement m = StepAssembler.assemble(
                w, List.of(), List.of(), List.of(), new StepAssembler.Context(1, 1, 10_000, null, stacks, 5.4));

        assertThat(m.app().threadStacks()).isEqualTo(stacks);
        assertThat(m.app().contextSwitchesPerRequest()).isEqualTo(5.4);
    }
}
