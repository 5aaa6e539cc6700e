package lab.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import lab.app.core.meters.LabMeters;
import lab.app.core.meters.OverloadGuard;
import lab.app.core.request.RequestParser;
import lab.app.core.result.AppIdentity;
import lab.app.core.settings.LabProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The framework-neutral core (app-core) wired into this app. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    /** The model follows spring.threads.virtual.enabled (profile "virtual"), never a string in the controller. */
    @Bean
    AppIdentity appIdentity(Environment environment) {
        return AppIdentity.mvc(Threading.VIRTUAL.isActive(environment));
    }

    @Bean
    RequestParser requestParser(LabProperties properties) {
        return new RequestParser(properties.limits());
    }

    @Bean
    LabMeters labMeters(MeterRegistry registry) {
        return new LabMeters(registry);
    }

    @Bean
    OverloadGuard overloadGuard(LabProperties properties, AppIdentity identity, MeterRegistry registry) {
        return new OverloadGuard(properties.overload().maxInProgress(), identity.app(), registry);
    }
}
