package lab.page;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON that is safe inside an HTML {@code <script>} element. A string containing
 * {@code </script>} or {@code <!--} would otherwise end or derail the element; since {@code <},
 * {@code >} and {@code &} can only occur inside JSON strings, escaping them as {@code \}{@code u003c}
 * etc. keeps the JSON identical once parsed. U+2028/2029 are escaped for old JavaScript parsers.
 */
public final class ScriptJson {

    /** Compact: the page carries the data, not a second pretty copy of results.json. */
    public static final JsonMapper COMPACT = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private ScriptJson() {}

    public static String of(Object value) {
        String json =
                value instanceof JsonNode node ? COMPACT.writeValueAsString(node) : COMPACT.writeValueAsString(value);
        StringBuilder safe = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<', '>', '&', '\u2028', '\u2029' -> safe.append(String.format("\\u%04x", (int) c));
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
