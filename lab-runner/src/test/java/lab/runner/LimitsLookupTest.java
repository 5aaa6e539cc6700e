package lab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LimitsLookupTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void withoutLimitsTheAppGetsOneCpuAndTheDefaultHeap() {
        LimitsLookup.Applied a = LimitsLookup.resolve(ROOT, null, "mvc");
        assertThat(a.appCpus()).isEqualTo(1);
        assertThat(a.heapMiB()).isNull();
        assertThat(a.description()).isNull();
    }

    @Test
    void theTightOverlayGivesWholeCpusAndAHeapFromTheMemoryLimit() {
        LimitsLookup.Applied a = LimitsLookup.resolve(ROOT, "tight", "mvc");
        assertThat(a.appCpus()).isPositive();
        assertThat(a.heapMiB()).isPositive().isLessThan(1024);
        assertThat(a.description()).contains("limits-tight").contains("memory");
    }
}
