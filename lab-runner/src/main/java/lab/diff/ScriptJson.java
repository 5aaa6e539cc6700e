package lab.diff;

/**
 * JSON that can sit inside an HTML {@code <script>} element: {@code <}, {@code >} and {@code &} occur
 * only inside JSON strings, so writing them as {@code \}{@code u003c} etc. keeps the parsed value
 * identical while no string can close the element ({@code </script>}) or open a comment. U+2028 and
 * U+2029 are escaped for older JavaScript parsers.
 */
final class ScriptJson {

    private ScriptJson() {}

    static String of(Object value) {
        String json = ResultsFile.MAPPER.writeValueAsString(value);
        StringBuilder safe = new StringBuilder(json.length());
        json.chars().forEach(c -> {
            if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                safe.append("\\u%04x".formatted(c));
            } else {
                safe.append((char) c);
            }
        });
        return safe.toString();
    }
}
