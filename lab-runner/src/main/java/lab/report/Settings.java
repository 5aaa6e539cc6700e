package lab.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Helpers over the free-form settings maps the runner copies from the apps and its own flags. */
final class Settings {

    private Settings() {}

    /** Nested maps become dotted keys, sorted, so two variants' settings line up row by row. */
    static Map<String, Object> flatten(Map<String, ?> settings) {
        Map<String, Object> flat = new TreeMap<>();
        flatten("", settings, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<String, ?> map, Map<String, Object> into) {
        map.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) nested;
                flatten(path, typed, into);
            } else {
                into.put(path, value);
            }
        });
    }

    /** The value whose flattened key is {@code name} or ends with {@code .name}: the runner may nest or not. */
    static Optional<Object> find(Map<String, Object> flat, String name) {
        if (flat.containsKey(name)) {
            return Optional.ofNullable(flat.get(name));
        }
        return flat.entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("." + name))
                .map(Map.Entry::getValue)
                .filter(value -> value != null)
                .findFirst();
    }

    /** How a setting value reads in a table: lists joined, nulls as a dash. */
    static String display(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "none";
            }
            return String.join(", ", list.stream().map(Settings::display).toList());
        }
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return String.valueOf(number.longValue());
        }
        return String.valueOf(value);
    }
}
