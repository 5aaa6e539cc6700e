package lab.runner.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuLayoutTest {

    @Test
    void twoCpusGiveTheAppTheLastAndTheLoadSideTheFirst() {
        CpuLayout l = CpuLayout.split(List.of(0, 1), 1);
        assertThat(l.appCpuList()).isEqualTo("1");
        assertThat(l.loadCpuList()).isEqualTo("0");
        assertThat(l.pinned()).isTrue();
    }

    @Test
    void theLoadSideAlwaysKeepsACpu() {
        CpuLayout l = CpuLayout.split(List.of(0, 1, 2, 3), 8);
        assertThat(l.appCpus()).containsExactly(1, 2, 3);
        assertThat(l.loadCpus()).containsExactly(0);
    }

    @Test
    void oneCpuCannotBeSplit() {
        CpuLayout l = CpuLayout.split(List.of(0), 1);
        assertThat(l.pinned()).isFalse();
        assertThat(l.appCpus()).isEqualTo(l.loadCpus());
    }

    @Test
    void parsesKernelCpuLists() {
        assertThat(CpuLayout.parseList("0-2,5,7-8")).containsExactly(0, 1, 2, 5, 7, 8);
    }
}
