package lab.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import lab.runner.cgroup.PodLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitsLookupTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final long MIB = 1024L * 1024;

    @Test
    void withoutLimitsTheAppGetsOneCpuAndTheDefaultHeap() {
        LimitsLookup.Applied a = LimitsLookup.resolve(ROOT, null, "mvc");
        assertThat(a.appCpus()).isEqualTo(1);
        assertThat(a.heapMiB()).isNull();
        assertThat(a.description()).isNull();
        assertThat(a.pod()).isNull();
    }

    @Test
    void theTightOverlayGivesThePodsLimitsAndJvmOptions() {
        PodLimits pod = LimitsLookup.podLimits(ROOT, "tight", "mvc");

        assertThat(pod.cpuMillis()).isEqualTo(500);
        assertThat(pod.memoryBytes()).isEqualTo(448 * MIB);
        assertThat(pod.javaToolOptions()).contains("-XX:MaxRAMPercentage=30", "-XX:+UseG1GC");
        assertThat(pod.source()).isEqualTo("k8s/overlays/limits-tight");
        assertThat(pod.quotaMicros()).isEqualTo(50_000);
        assertThat(pod.memoryText()).isEqualTo("448Mi");
    }

    @Test
    void theHeapFollowsTheLastMaxRamPercentageAsTheJvmDoes() {
        PodLimits pod = new PodLimits(500, 1024 * MIB, "-XX:MaxRAMPercentage=50 -XX:MaxRAMPercentage=25", "test");

        assertThat(pod.expectedMaxHeapBytes()).isEqualTo(256 * MIB);
    }

    @Test
    void theHeapFollowsHotSpotsSmallMemoryRule() {
        // what -XX:MaxRAM=<limit> -XX:MaxRAMPercentage=30 -XX:+PrintFlagsFinal prints for MaxHeapSize (JDK 25)
        long[][] limitAndHeapMiB = {{128, 64}, {240, 120}, {256, 126}, {300, 126}, {448, 136}, {1024, 308}};
        for (long[] c : limitAndHeapMiB) {
            PodLimits pod = new PodLimits(500, c[0] * MIB, "-XX:MaxRAMPercentage=30", "test");
            assertThat(pod.expectedMaxHeapBytes()).as("limit %d MiB", c[0]).isEqualTo(c[1] * MIB);
        }
    }

    @Test
    void theTightOverlayStillGivesTodaysPinnedRunWholeCpusAndAHeap() {
        LimitsLookup.Applied a = LimitsLookup.resolve(ROOT, "tight", "mvc");
        assertThat(a.appCpus()).isEqualTo(1);
        // 30 % of 448 MiB, aligned up to 2 MiB as the JVM does
        assertThat(a.heapMiB()).isEqualTo(136);
        assertThat(a.description()).contains("limits-tight").contains("memory 448Mi");
    }

    @Test
    void customQuantitiesTakeTheBaseDeploymentsJvmOptions() {
        PodLimits pod = LimitsLookup.podLimits(ROOT, "cpu=1.5, memory=1Gi", "webflux");

        assertThat(pod.cpuMillis()).isEqualTo(1500);
        assertThat(pod.memoryBytes()).isEqualTo(1024 * MIB);
        assertThat(pod.quotaCpus()).isEqualTo(2);
        assertThat(pod.javaToolOptions()).contains("-XX:MaxRAMPercentage=");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "roomy | unknown --limits 'roomy': use generous, tight, cpu=",
                "cpu=abc,memory=448Mi | --limits cpu=abc is not a CPU quantity",
                "cpu=500m | needs both cpu= and memory=",
                "cpu=500m,memory=lots | --limits memory=lots is not a memory quantity",
                "cpu=500m,memory=64Mi | --limits memory=64Mi is below what a Spring Boot JVM starts in",
                "cpu=1m,memory=448Mi | --limits cpu=1m is below the smallest quota",
                "cpu=1,disk=1Gi | bad --limits 'cpu=1,disk=1Gi' at 'disk=1Gi'",
            })
    void badLimitsAreOneLineNamingTheValueAndWhatIsAccepted(String spec, String message) {
        assertThatThrownBy(() -> LimitsLookup.podLimits(ROOT, spec, "mvc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
