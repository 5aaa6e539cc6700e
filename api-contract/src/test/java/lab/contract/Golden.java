package lab.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Golden bodies ({@code golden/<case>.json} on the test class path, one compact JSON line each) and
 * the normalisation that makes bodies of different apps comparable byte for byte: the members that
 * legitimately differ ({@code app}, {@code model}, {@code thread}, {@code virtual}, {@code elapsedMs})
 * are replaced by placeholders, keeping member order and everything else untouched.
 */
public final class Golden {

    /** Members that differ per app, model or run; each is checked on its own by the suite. */
    public static final List<String> VARYING = List.of("app", "model", "thread", "virtual", "elapsedMs");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Golden() {}

    /** The golden body of a case, without the trailing newline; empty if there is no golden file. */
    public static Optional<String> find(String name) {
        String resource = "golden/" + name + ".json";
        try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null
                    ? Optional.empty()
                    : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    public static String load(String name) {
        return find(name)
                .orElseThrow(() -> new IllegalStateException(
                        "no golden file golden/" + name + ".json in api-contract/src/test/resources"));
    }

    /**
     * The body with {@link #VARYING} members replaced by {@code "<name>"}, re-serialised compactly
     * in the original member order. A body that is not a JSON object is returned as it is.
     */
    public static String normalise(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (RuntimeException e) {
            return body;
        }
        if (!(node instanceof ObjectNode object)) {
            return body;
        }
        for (String member : VARYING) {
            if (object.has(member)) {
                object.put(member, "<" + member + ">");
            }
        }
        return JSON.writeValueAsString(object);
    }

    /** Parses JSON, for assertions on types and values. */
    public static JsonNode parse(String body) {
        return JSON.readTree(body);
    }
}
