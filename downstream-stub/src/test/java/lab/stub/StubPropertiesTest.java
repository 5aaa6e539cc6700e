package lab.stub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class StubPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void defaultsAreTheDocumentedOnes() {
        runner.run(context -> {
            StubProperties properties = context.getBean(StubProperties.class);
            assertThat(properties.limits().maxDelayMs()).isEqualTo(120_000);
            assertThat(properties.limits().maxBytes()).isEqualTo(1_048_576);
            assertThat(properties.limits().maxHang()).hasMinutes(5);
            assertThat(properties.defaults().delayMs()).isEqualTo(100);
            assertThat(properties.defaults().bytes()).isEqualTo(128);
            assertThat(properties.faults().mixErrorStatus()).isEqualTo(500);
            assertThat(properties.admin().enabled()).isFalse();
            assertThat(properties.server().backlog()).isEqualTo(4096);
            assertThat(properties.server().headerTimeout()).hasSeconds(20);
        });
    }

    @Test
    void outOfRangeSettingsStopTheStart() {
        runner.withPropertyValues("stub.limits.max-bytes=-1")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("stub.faults.mix-error-status=200")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("stub.limits.max-hang=0s")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("stub.limits.max-delay-ms=50")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("stub.server.header-timeout=0s")
                .run(context -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StubProperties.class)
    static class Config {}
}
