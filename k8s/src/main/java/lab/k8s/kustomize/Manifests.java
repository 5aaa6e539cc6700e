package lab.k8s.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Rendered Kubernetes YAML as plain maps, one per object. */
public final class Manifests {

    private Manifests() {}

    /** Every non-empty document of a multi-document YAML stream, in order. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> parse(String yaml) {
        Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : parser.loadAll(yaml)) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("a Kubernetes object must be a mapping, found: " + document);
            }
            objects.add((Map<String, Object>) map);
        }
        return objects;
    }

    public static String kind(Map<String, Object> object) {
        return String.valueOf(object.get("kind"));
    }

    public static String name(Map<String, Object> object) {
        return String.valueOf(child(object, "metadata").get("name"));
    }

    /** A nested mapping, empty when absent. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> child(Map<String, Object> object, String key) {
        Object value = object == null ? null : object.get(key);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** A nested list of mappings, empty when absent. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> children(Map<String, Object> object, String key) {
        Object value = object == null ? null : object.get(key);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
