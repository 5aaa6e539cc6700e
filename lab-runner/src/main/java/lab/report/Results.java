package lab.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A whole {@code results.json}: the typed view the report reasons about, plus the untouched tree
 * that goes into {@code report.html} verbatim.
 *
 * @param defaults the runner's default value of each lab setting, when it records them (optional)
 */
record Results(
        JsonNode raw,
        Map<String, Object> environment,
        Map<String, Object> settings,
        Map<String, Object> defaults,
        List<Variant> variants,
        Optional<C10k> c10k) {

    Results {
        environment = environment == null ? Map.of() : environment;
        settings = settings == null ? Map.of() : settings;
        defaults = defaults == null ? Map.of() : defaults;
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** Downstream delay in seconds: the {@code users / delay} of Little's law. */
    Optional<Double> delaySeconds() {
        return Settings.find(Settings.flatten(settings), "delayMs")
                .filter(Number.class::isInstance)
                .map(value -> ((Number) value).doubleValue() / Fmt.MILLIS_PER_SECOND)
                .filter(seconds -> seconds > 0);
    }

    /** CPUs the app may use (its emulated container limit), when the runner says so. */
    Optional<Double> appCpus() {
        return Settings.find(Settings.flatten(settings), "appCpus")
                .filter(Number.class::isInstance)
                .map(value -> ((Number) value).doubleValue());
    }
}
