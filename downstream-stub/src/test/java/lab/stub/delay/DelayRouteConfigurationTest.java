package lab.stub.delay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelayRouteConfigurationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/delay, true",
        "/delay?ms=5, true",
        "/delay?, true",
        "/delay/, false",
        "/delayed, false",
        "/delay/x?ms=5, false",
        "/, false",
        "/admin/faults, false"
    })
    void onlyTheDelayPathGoesToTheNettyRoute(String uri, boolean matches) {
        assertThat(DelayRouteConfiguration.isDelay(uri)).isEqualTo(matches);
    }
}
