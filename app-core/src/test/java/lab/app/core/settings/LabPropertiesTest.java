package lab.app.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

class LabPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        LabProperties properties = bind(Map.of());
        assertThat(properties.downstream().baseUrl()).hasToString("http://127.0.0.1:8090");
        assertThat(properties.downstream().connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.downstream().responseTimeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(properties.downstream().maxConnections()).isEqualTo(10_000);
        assertThat(properties.downstream().pendingAcquireMax()).isEqualTo(20_000);
        assertThat(properties.downstream().pendingAcquireTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.downstream().maxIdleTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.limits()).isEqualTo(new LabProperties.Limits(10_000, 65_536, 32, 1_000_000, 1024));
        assertThat(properties.overload().maxInProgress()).isEqualTo(20_000);
        assertThat(properties.overload().retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void bindsOverrides() {
        LabProperties properties = bind(Map.of("lab.limits.max-calls", "8", "lab.overload.retry-after", "1500ms"));
        assertThat(properties.limits().maxCalls()).isEqualTo(8);
        assertThat(properties.overload().retryAfterSeconds()).isEqualTo(2);
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> bind(Map.of("lab.limits.max-calls", "0"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("lab.downstream.response-timeout", "0s")))
                .isInstanceOf(BindException.class);
    }

    @Test
    void describesEveryComponentUnderStableKeys() {
        Map<String, Object> settings = bind(Map.of()).describe();
        assertThat(settings)
                .hasSize(14)
                .containsEntry("downstream.baseUrl", "http://127.0.0.1:8090")
                .containsEntry("downstream.connectTimeout", "PT1S")
                .containsEntry("limits.maxQueryLength", 1024)
                .containsEntry("overload.maxInProgress", 20_000);
    }

    private static LabProperties bind(Map<String, String> values) {
        try (LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean()) {
            validator.afterPropertiesSet();
            Binder binder = new Binder(new MapConfigurationPropertySource(values));
            return binder.bindOrCreate("lab", Bindable.of(LabProperties.class), new ValidationBindHandler(validator));
        }
    }
}
