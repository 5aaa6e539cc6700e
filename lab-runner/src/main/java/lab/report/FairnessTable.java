package lab.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fairness made visible: the lab's own settings against their defaults, and every app setting
 * that differs between variants (the ones that are the same are listed too, folded away).
 */
record FairnessTable(List<LabRow> lab, List<String> variants, List<VariantRow> differing, List<VariantRow> identical) {

    /** @param changed the runner recorded a default for this setting and the run used another value */
    record LabRow(String key, String value, String defaultValue, boolean changed) {}

    record VariantRow(String key, List<String> values) {

        /** The value of an identical row, shown once. */
        String value() {
            return values.isEmpty() ? "" : values.getFirst();
        }
    }

    static FairnessTable of(Results results) {
        Map<String, Object> settings = Settings.flatten(results.settings());
        Map<String, Object> defaults = Settings.flatten(results.defaults());
        List<LabRow> lab = new ArrayList<>();
        settings.forEach((key, value) -> {
            boolean known = defaults.containsKey(key);
            String shown = Settings.display(value);
            String defaultShown = known ? Settings.display(defaults.get(key)) : "";
            lab.add(new LabRow(key, shown, defaultShown, known && !shown.equals(defaultShown)));
        });
        List<Map<String, Object>> perVariant =
                results.variants().stream().map(Variant::launchAndSettings).toList();
        Set<String> keys = new TreeSet<>();
        perVariant.forEach(flat -> keys.addAll(flat.keySet()));
        List<VariantRow> differing = new ArrayList<>();
        List<VariantRow> identical = new ArrayList<>();
        for (String key : keys) {
            List<String> values = perVariant.stream()
                    .map(flat -> Settings.display(flat.get(key)))
                    .toList();
            VariantRow row = new VariantRow(key, values);
            if (new HashSet<>(values).size() > 1) {
                differing.add(row);
            } else {
                identical.add(row);
            }
        }
        List<String> names = results.variants().stream()
                .map(Variant::name)
                .filter(Objects::nonNull)
                .toList();
        return new FairnessTable(List.copyOf(lab), names, List.copyOf(differing), List.copyOf(identical));
    }
}
