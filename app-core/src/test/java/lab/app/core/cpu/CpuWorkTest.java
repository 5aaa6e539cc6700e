package lab.app.core.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuWorkTest {

    @Test
    void chainsDigestsSoEveryRoundCounts() {
        assertThat(CpuWork.sha256Chain(1)).hasSize(32);
        assertThat(CpuWork.sha256Chain(2)).isNotEqualTo(CpuWork.sha256Chain(1));
        assertThat(CpuWork.sha256Chain(3)).isEqualTo(CpuWork.sha256Chain(3));
    }
}
