package lab.k8s.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.custom.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"384Mi", "2Gi", "1G", "512M", "128974848", "129e6", "1.5Gi", "100Ki", "1k"})
    void memoryQuantitiesAgreeWithTheKubernetesClientsOwnParser(String quantity) {
        long expected = new Quantity(quantity)
                .getNumber()
                .setScale(0, java.math.RoundingMode.CEILING)
                .longValueExact();

        assertThat(Quantities.bytes(quantity)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500m", "2", "0.5", "1.25", "100m", "4"})
    void cpuQuantitiesAgreeWithTheKubernetesClientsOwnParser(String quantity) {
        long expected = new Quantity(quantity).getNumber().movePointRight(3).longValueExact();

        assertThat(Quantities.millicores(quantity)).isEqualTo(expected);
    }

    @Test
    void jvmSizesUseBinarySuffixesWhereKubernetesMeansMilli() {
        assertThat(Quantities.jvmBytes("1m")).isEqualTo(1024 * 1024);
        assertThat(Quantities.jvmBytes("512k")).isEqualTo(512 * 1024);
        assertThat(Quantities.jvmBytes("2G")).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(Quantities.jvmBytes("4096")).isEqualTo(4096);
        assertThat(Quantities.millicores("1m")).isEqualTo(1);
    }

    @Test
    void malformedQuantitiesAreRejectedWithTheOffendingText() {
        assertThatThrownBy(() -> Quantities.bytes("384MB")).hasMessageContaining("384MB");
        assertThatThrownBy(() -> Quantities.jvmBytes("1Mi")).hasMessageContaining("1Mi");
    }
}
