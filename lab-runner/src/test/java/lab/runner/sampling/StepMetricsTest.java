package lab.runner.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepMetricsTest {

    private static Sample at(long ms, double appCpu, double stubCpu, Double lgCpu, double count, double sum) {
        return at(ms, appCpu, stubCpu, lgCpu, count, sum, -1);
    }

    private static Sample at(
            long ms, double appCpu, double stubCpu, Double lgCpu, double count, double sum, double appCpusBusy) {
        return new Sample(
                ms,
                Map.of(
                        "jvm_threads_live_threads",
                        30.0 + ms / 1000,
                        "http_server_requests_seconds_count",
                        count,
                        "http_server_requests_seconds_sum",
                        sum),
                new ProcStats(40, 300 * 1024 + ms, appCpu, 0, 0),
                new ProcStats(20, 200 * 1024, stubCpu, 0, 0),
                lgCpu == null ? null : new ProcStats(50, 400 * 1024, lgCpu, 0, 0),
                appCpusBusy);
    }

    @Test
    void cpuIsMeasuredOverTheWindowAndPeaksAreMaxima() {
        List<Sample> samples = List.of(
                at(0, 0.0, 0.0, null, 0, 0), // before the window: Gatling starting
                at(1000, 1.0, 0.1, 5.0, 0, 0),
                at(2000, 1.8, 0.3, 5.5, 100, 11),
                at(3000, 2.6, 0.5, 6.0, 200, 22),
                at(9000, 9.0, 9.0, null, 300, 33)); // after the window
        StepMetrics m =
                StepMetrics.of(samples, List.of(new StubProbe(1500, 103), new StubProbe(2500, 130)), 1000, 3000, 100);

        assertThat(m.appCpuCores()).isCloseTo(0.8, within(1e-9));
        assertThat(m.stubCpuCores()).isCloseTo(0.2, within(1e-9));
        assertThat(m.loadGenCpuCores()).isCloseTo(0.5, within(1e-9));
        assertThat(m.serverMeanMs()).isCloseTo(110.0, within(1e-9));
        assertThat(m.jvmThreadsLive()).isEqualTo(33);
        assertThat(m.stubOverheadMs()).isCloseTo(30.0, within(1e-9));
        assertThat(m.series()).hasSize(3);
        assertThat(m.series().get(1).appCpuCores()).isCloseTo(0.8, within(1e-9));
        assertThat(m.metersMax())
                .containsKey("jvm_threads_live_threads")
                .doesNotContainKey("http_server_requests_seconds_count");
    }

    @Test
    void foreignCpuIsTheAppsCpusBusyTimeMinusTheAppsOwn() {
        // over 2 s the app's CPU was busy 1.6 s, of which the app used 1.0 s: others took 0.3 cores
        List<Sample> samples = List.of(at(0, 5.0, 0, null, 0, 0, 100.0), at(2000, 6.0, 0, null, 0, 0, 101.6));
        assertThat(StepMetrics.foreignCores(samples)).isCloseTo(0.3, within(1e-9));
        assertThat(StepMetrics.foreignCores(List.of(at(0, 5.0, 0, null, 0, 0), at(2000, 6.0, 0, null, 0, 0))))
                .isZero();
    }

    @Test
    void aFailedProbeCountsAsASlowStub() {
        assertThat(StepMetrics.stubOverhead(List.of(new StubProbe(0, -1)), 100)).isInfinite();
        assertThat(StepMetrics.stubOverhead(List.of(), 100)).isNaN();
    }
}
