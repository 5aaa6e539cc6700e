package lab.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import lab.app.core.meters.LabMeters;
import lab.app.core.meters.OverloadGuard;
import lab.app.core.request.RequestParser;
import lab.app.core.result.AppIdentity;
import lab.app.core.settings.LabProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The framework-neutral core (app-core) wired into this app. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    /** One model only: the event loop. */
    @Bean
    AppIdentity appIdentity() {
        return AppIdentity.webflux();
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
