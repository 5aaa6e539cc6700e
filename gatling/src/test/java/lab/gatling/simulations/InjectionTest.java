package lab.gatling.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InjectionTest {

    @Test
    void oneClosedStepPerLadderLevelPlusARampBeforeEachWhenAsked() {
        LoadSettings noRamp = LoadSettings.from(Map.of("ladder", "50,100,200")::get);
        LoadSettings withRamp = LoadSettings.from(Map.of("ladder", "50,100,200", "rampSeconds", "2")::get);

        assertThat(Injection.closed(noRamp)).hasSize(3);
        assertThat(Injection.closed(withRamp)).hasSize(6);
    }

    @Test
    void refusesAClosedModelNeedingMoreSocketsThanAllowed() {
        LoadSettings settings = LoadSettings.from(Map.of("ladder", "100,3200", "maxConnections", "1000")::get);

        assertThatThrownBy(() -> Injection.closed(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3200 connections");
    }

    @Test
    void maxDurationCoversEveryStepAndTheRequestTimeout() {
        LoadSettings settings = LoadSettings.from(
                Map.of("ladder", "1,2", "durationSeconds", "30", "rampSeconds", "5", "requestTimeoutMs", "4000")::get);

        assertThat(Injection.closedMaxDuration(settings)).isGreaterThanOrEqualTo(Duration.ofSeconds(2 * 35 + 4));
        assertThat(Injection.openMaxDuration(settings)).isGreaterThanOrEqualTo(Duration.ofSeconds(35 + 4));
    }

    @Test
    void spikeHasALeadInTheBurstAndARecovery() {
        assertThat(Injection.spike(LoadSettings.from(name -> null))).hasSize(3);
        assertThat(Injection.arrivalRate(LoadSettings.from(Map.of("rampSeconds", "3")::get)))
                .hasSize(2);
    }
}
