package lab.parity;

import java.util.Map;
import java.util.TreeMap;
import lab.contract.Golden;
import lab.contract.kit.Http;
import tools.jackson.databind.JsonNode;

/** The {@code lab} section of an app's {@code /actuator/info}, flattened to dotted keys. */
final class LabInfo {

    private LabInfo() {}

    static Map<String, String> of(String baseUrl) {
        Http.Response response = Http.get(baseUrl + "/actuator/info");
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + baseUrl + "/actuator/info answered " + response.status());
        }
        JsonNode lab = Golden.parse(response.body()).path("lab");
        if (!lab.isObject() || lab.isEmpty()) {
            throw new IllegalStateException("no lab section in /actuator/info of " + baseUrl + ": " + response.body());
        }
        return flatten(lab);
    }

    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> flat = new TreeMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
        if (node.isObject()) {
            node.properties()
                    .forEach(e ->
                            flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), flat));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), flat);
            }
        } else {
            flat.put(prefix, node.isString() ? node.asString() : node.toString());
        }
    }
}
