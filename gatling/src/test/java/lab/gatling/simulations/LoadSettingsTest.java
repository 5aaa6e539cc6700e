package lab.gatling.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {

    @Test
    void defaultsTargetTheLocalWebfluxAppWithA100MsDownstream() {
        LoadSettings settings = LoadSettings.from(name -> null);

        assertThat(settings.target()).isEqualTo(URI.create("http://127.0.0.1:8082"));
        assertThat(settings.delayMs()).isEqualTo(100);
        assertThat(settings.users()).isEqualTo(200);
        assertThat(settings.ladder()).isEmpty();
        assertThat(settings.closedModelSteps()).containsExactly(200);
        assertThat(settings.rampSeconds()).isZero();
        assertThat(settings.assertions()).isTrue();
    }

    @Test
    void defaultArrivalRateIsAboveWhatMvcThreadsCanServe() {
        LoadSettings settings = LoadSettings.from(name -> null);
        int tomcatThreads = 200;
        double mvcCeilingRps = tomcatThreads / (settings.delayMs() / 1000.0);

        assertThat(settings.rate()).isGreaterThan((int) mvcCeilingRps);
    }

    @Test
    void everyPropertyCanBeOverridden() {
        Map<String, String> given = Map.ofEntries(
                Map.entry("target", "http://10.0.0.7:8081"),
                Map.entry("users", "400"),
                Map.entry("ladder", "50, 100,200"),
                Map.entry("rate", "3000"),
                Map.entry("baseRate", "50"),
                Map.entry("spikeUsers", "5000"),
                Map.entry("delayMs", "250"),
                Map.entry("bytes", "1024"),
                Map.entry("calls", "8"),
                Map.entry("rounds", "5000"),
                Map.entry("durationSeconds", "60"),
                Map.entry("rampSeconds", "5"),
                Map.entry("requestTimeoutMs", "2000"),
                Map.entry("maxConnections", "20000"),
                Map.entry("assertions", "false"),
                Map.entry("maxKoPercent", "5"),
                Map.entry("openSeconds", "20"),
                Map.entry("settleSeconds", "3"));

        LoadSettings settings = LoadSettings.from(given::get);

        assertThat(settings)
                .isEqualTo(new LoadSettings(
                        URI.create("http://10.0.0.7:8081"),
                        400,
                        List.of(50, 100, 200),
                        3000,
                        50,
                        5000,
                        250,
                        1024,
                        8,
                        5000,
                        60,
                        5,
                        2000,
                        20000,
                        false,
                        5,
                        20,
                        3));
        assertThat(given.keySet()).isEqualTo(LoadSettings.DEFAULTS.keySet());
    }

    @Test
    void ladderStepsReplaceUsersAndSetThePeak() {
        LoadSettings settings = LoadSettings.from(Map.of("users", "10", "ladder", "50,3200,800")::get);

        assertThat(settings.closedModelSteps()).containsExactly(50, 3200, 800);
        assertThat(settings.peakUsers()).isEqualTo(3200);
    }

    @Test
    void blankValuesFallBackToDefaults() {
        LoadSettings settings = LoadSettings.from(Map.of("users", " ", "target", "")::get);

        assertThat(settings.users()).isEqualTo(200);
        assertThat(settings.target().getPort()).isEqualTo(8082);
    }

    @Test
    void environmentNamesAreUpperSnakeCase() {
        assertThat(LoadSettings.environmentName("target")).isEqualTo("TARGET");
        assertThat(LoadSettings.environmentName("durationSeconds")).isEqualTo("DURATION_SECONDS");
        assertThat(LoadSettings.environmentName("requestTimeoutMs")).isEqualTo("REQUEST_TIMEOUT_MS");
    }

    @Test
    void rejectsValuesThatCannotMakeARun() {
        assertThatThrownBy(() -> LoadSettings.from(Map.of("users", "0")::get))
                .hasMessageContaining("users must be positive");
        assertThatThrownBy(() -> LoadSettings.from(Map.of("delayMs", "ten")::get))
                .hasMessageContaining("delayMs must be a number");
        assertThatThrownBy(() -> LoadSettings.from(Map.of("target", "127.0.0.1:8082")::get))
                .hasMessageContaining("target must be an http(s) URL");
        assertThatThrownBy(() -> LoadSettings.from(Map.of("assertions", "yes")::get))
                .hasMessageContaining("assertions must be true or false");
        assertThatThrownBy(() -> LoadSettings.from(Map.of("maxKoPercent", "101")::get))
                .hasMessageContaining("maxKoPercent");
    }
}
