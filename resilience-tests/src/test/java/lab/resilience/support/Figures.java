package lab.resilience.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the tests measured, for {@code docs/failure-modes.md}: one line per figure, printed and
 * appended to {@code target/failure-modes-figures.md} (the figures change with the machine, so they
 * are a test output, not something the tests assert exactly).
 */
public final class Figures {

    private static final Path FILE = Path.of("target", "failure-modes-figures.md");
    /** The file holds one test run: the first figure of a test JVM starts it afresh. */
    private static boolean started;

    private Figures() {}

    public static synchronized void record(String topic, String format, Object... args) {
        String line = "- **" + topic + "**: " + format.formatted(args);
        System.out.println("[figures] " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(
                    FILE,
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    started ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            started = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
