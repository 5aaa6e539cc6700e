package lab.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ModelTest {

    private static final double EPS = 1e-9;

    @Test
    void littlesLawBoundsAClosedModelByUsersOverLatency() {
        assertThat(Model.littlesLawRps(50, 100)).isCloseTo(500, within(EPS));
        // the closed-model identity: 50 users each waiting 109 ms per request make 458.7 requests/s
        assertThat(Model.littlesLawRps(50, 109)).isCloseTo(458.716, within(0.001));
    }

    @Test
    void mvcsPlateauIsMaxThreadsOverDelayPlusTheOverheadMeasuredAtTheLowestStep() {
        // the lowest step's mean latency was 109 ms on a 100 ms downstream: 9 ms of overhead
        double overhead = Model.overheadMs(109, 100);

        assertThat(overhead).isCloseTo(9, within(EPS));
        assertThat(Model.littlesLawRps(200, 100 + overhead)).isCloseTo(1834.86, within(0.01));
        // an overhead is never negative (a mean below the delay is measurement noise)
        assertThat(Model.overheadMs(98, 100)).isZero();
    }

    @Test
    void theCpuCeilingIsTheBudgetOverTheCpuPerRequest() {
        assertThat(Model.cpuCeilingRps(1, 0.2)).isCloseTo(5000, within(EPS));
        assertThat(Model.cpuCeilingRps(0.5, 0.2)).isCloseTo(2500, within(EPS));
        assertThat(Model.cpuCeilingRps(2, 0.14)).isCloseTo(14285.71, within(0.01));
    }

    @Test
    void aSlowdownLowersMvcsCeilingAndItsQueueGrowsByTheRateAboveIt() {
        // d = 100 ms raised by 0.9 s: 200 threads / 1 s = 200 rps, so at 400 arrivals/s 200 more wait every second
        assertThat(Model.littlesLawRps(200, 100 + 900)).isCloseTo(200, within(EPS));
        assertThat(Model.backlogGrowthRps(400, 200, 1000)).isCloseTo(200, within(EPS));
        // with a 50 ms base delay the ceiling is 200 / 0.95 s = 210.5 rps
        assertThat(Model.backlogGrowthRps(400, 200, 950)).isCloseTo(400 - 200 / 0.95, within(1e-6));
        // below the ceiling nothing piles up
        assertThat(Model.backlogGrowthRps(400, 200, 100)).isZero();
    }
}
