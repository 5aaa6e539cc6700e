package lab.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void littlesLawBoundsAClosedModelByUsersOverDelay() {
        assertThat(Model.predictedRps(50, 100, OptionalInt.empty(), OptionalDouble.empty()))
                .isEqualTo(500.0);
    }

    @Test
    void aThreadPoolCapsThroughputAtMaxThreadsOverDelay() {
        assertThat(Model.predictedRps(3200, 100, OptionalInt.of(200), OptionalDouble.empty()))
                .isEqualTo(2000.0);
        assertThat(Model.predictedRps(100, 100, OptionalInt.of(200), OptionalDouble.empty()))
                .isEqualTo(1000.0);
    }

    @Test
    void theCpuCeilingWinsWhenItIsTheLowest() {
        assertThat(Model.predictedRps(3200, 100, OptionalInt.empty(), OptionalDouble.of(8500)))
                .isEqualTo(8500.0);
        assertThat(Model.predictedRps(3200, 100, OptionalInt.of(200), OptionalDouble.of(8500)))
                .isEqualTo(2000.0);
    }

    @Test
    void cpuCeilingComesFromTheBusiestStepNotTheHungriest() {
        // 0.9 cores for 500 rps right after warm-up (JIT still compiling) must not set the ceiling:
        // 0.9 cores for 2000 rps (0.45 ms/request), the highest throughput, does.
        List<Model.CpuPoint> points =
                List.of(new Model.CpuPoint(0.95, 500), new Model.CpuPoint(0.5, 1000), new Model.CpuPoint(0.9, 2000));
        assertThat(Model.cpuSecondsPerRequest(points).getAsDouble()).isCloseTo(0.00045, within(1e-9));
        assertThat(Model.cpuCeilingRps(points, 1).getAsDouble()).isCloseTo(2222.2, within(0.1));
        assertThat(Model.cpuCeilingRps(points, 2).getAsDouble()).isCloseTo(4444.4, within(0.1));
    }

    @Test
    void noCpuCeilingWithoutUsableSteps() {
        assertThat(Model.cpuCeilingRps(List.of(new Model.CpuPoint(0, 0)), 1)).isEmpty();
        assertThat(Model.cpuCeilingRps(List.of(), 1)).isEmpty();
    }
}
