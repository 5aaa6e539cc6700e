package lab.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code results.json} leniently: the runner's schema grows over time, so unknown fields are
 * ignored and missing ones become gaps, never failures.
 */
final class ResultsReader {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private ResultsReader() {}

    static Results read(Path file) {
        return fromTree(MAPPER.readTree(file));
    }

    static Results fromTree(JsonNode root) {
        List<Variant> variants = new ArrayList<>();
        for (JsonNode variant : root.path("variants")) {
            variants.add(MAPPER.treeToValue(variant, Variant.class));
        }
        return new Results(
                root,
                map(root.get("environment")),
                map(root.get("settings")),
                map(root.get("defaults")),
                variants,
                c10k(root.get("c10k")));
    }

    private static Map<String, Object> map(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        return MAPPER.treeToValue(node, MAP);
    }

    /**
     * Accepts the runner's {@code {inFlight, seedEstimate:{totalMiB}, variants:[{name,...}]}} (or
     * {@code target} for {@code inFlight}), or a plain {@code {name: {...}}} object.
     */
    private static Optional<C10k> c10k(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        List<C10kRun> runs = new ArrayList<>();
        JsonNode list = node.has("variants") ? node.get("variants") : node.get("runs");
        if (list != null && list.isArray()) {
            list.forEach(run -> runs.add(MAPPER.treeToValue(run, C10kRun.class)));
        } else {
            node.properties().stream()
                    .filter(field ->
                            field.getValue().isObject() && field.getValue().has("threadsLive"))
                    .forEach(field -> {
                        ObjectNode run = ((ObjectNode) field.getValue()).deepCopy();
                        run.putIfAbsent("name", run.stringNode(field.getKey()));
                        runs.add(MAPPER.treeToValue(run, C10kRun.class));
                    });
        }
        JsonNode target = node.has("inFlight") ? node.get("inFlight") : node.path("target");
        JsonNode seed = node.path("seedEstimate").path("totalMiB");
        return runs.isEmpty()
                ? Optional.empty()
                : Optional.of(new C10k(
                        target.isNumber() ? target.asInt() : null, seed.isNumber() ? seed.asDouble() : null, runs));
    }
}
