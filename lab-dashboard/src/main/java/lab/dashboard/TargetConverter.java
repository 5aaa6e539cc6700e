package lab.dashboard;

import java.net.URI;
import lab.dashboard.DashboardProperties.Target;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads one target as {@code ./lab demo --targets} writes it, {@code name=url}. Binding splits a
 * comma-separated list first, so {@code dashboard.targets=mvc=http://a:1,webflux=http://b:2}
 * gives two targets in that order.
 */
@Component
@ConfigurationPropertiesBinding
class TargetConverter implements Converter<String, Target> {

    @Override
    public Target convert(String source) {
        int eq = source.indexOf('=');
        if (eq <= 0 || eq == source.length() - 1) {
            throw new IllegalArgumentException(
                    "a target is name=url (e.g. mvc=http://127.0.0.1:8081), got '" + source + "'");
        }
        return new Target(
                source.substring(0, eq).trim(),
                URI.create(source.substring(eq + 1).trim()));
    }
}
