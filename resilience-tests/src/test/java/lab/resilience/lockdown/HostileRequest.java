package lab.resilience.lockdown;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One named entry of {@code hostile-requests.txt}: a raw request template, expanded for an app's port. */
record HostileRequest(String name, String template) {

    static final String CORPUS = "/hostile-requests.txt";
    private static final String SEPARATOR = " | ";
    private static final Pattern REPEAT = Pattern.compile("\\{repeat:(\\d+):([^}]*)}");
    private static final String STANDARD_HEADERS =
            "Host: 127.0.0.1:{port}\\r\\nAccept: application/json\\r\\nConnection: close\\r\\n";
    private static final int HEX = 16;

    static List<HostileRequest> corpus() {
        try (InputStream in = HostileRequest.class.getResourceAsStream(CORPUS)) {
            if (in == null) {
                throw new IllegalStateException(CORPUS + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(HostileRequest::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HostileRequest parse(String line) {
        int at = line.indexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("not 'name | request': " + line);
        }
        return new HostileRequest(line.substring(0, at).trim(), line.substring(at + SEPARATOR.length()));
    }

    /** The bytes to send to an app on {@code port}. */
    byte[] bytes(int port) {
        String text = template.replace("{std}", STANDARD_HEADERS);
        Matcher repeat = REPEAT.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(
                    expanded, Matcher.quoteReplacement(repeat.group(2).repeat(Integer.parseInt(repeat.group(1)))));
        }
        repeat.appendTail(expanded);
        return unescape(expanded.toString().replace("{port}", Integer.toString(port)));
    }

    private static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                literal.append(c);
                continue;
            }
            char next = text.charAt(++i);
            if (next != 'x') {
                literal.append(
                        switch (next) {
                            case 'r' -> '\r';
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> next;
                        });
                continue;
            }
            out.writeBytes(literal.toString().getBytes(StandardCharsets.UTF_8));
            literal.setLength(0);
            out.write(Integer.parseInt(text.substring(i + 1, i + 3), HEX));
            i += 2;
        }
        out.writeBytes(literal.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return name;
    }
}
