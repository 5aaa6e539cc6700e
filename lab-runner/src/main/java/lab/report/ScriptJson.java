package lab.report;

import tools.jackson.databind.JsonNode;

/**
 * JSON that is safe inside an HTML {@code <script>} element. A string containing
 * {@code </script>} or {@code <!--} would otherwise end or derail the element; since {@code <},
 * {@code >} and {@code &} can only occur inside JSON strings, escaping them as {@code \}{@code u003c}
 * etc. keeps the JSON identical once parsed. U+2028/2029 are escaped for old JavaScript parsers.
 */
final class ScriptJson {

    private ScriptJson() {}

    static String of(Object value) {
        String json = value instanceof JsonNode node
                ? ResultsReader.MAPPER.writeValueAsString(node)
                : ResultsReader.MAPPER.writeValueAsString(value);
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
