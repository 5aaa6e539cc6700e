package lab.resilience.shutdown;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;

/**
 * The {@code spring.lifecycle.timeout-per-shutdown-phase} an app jar ships with, so the test
 * bounds the drain by the app's own setting rather than a number of its own.
 */
final class ShippedShutdownTimeout {

    /** Spring Boot's default when the app does not set it. */
    static final Duration BOOT_DEFAULT = Duration.ofSeconds(30);

    private static final String CONFIG = "BOOT-INF/classes/application.yml";
    private static final Pattern SETTING = Pattern.compile("timeout-per-shutdown-phase:\\s*(\\S+)");

    private ShippedShutdownTimeout() {}

    static Duration of(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            var entry = file.getJarEntry(CONFIG);
            if (entry == null) {
                return BOOT_DEFAULT;
            }
            try (InputStream in = file.getInputStream(entry)) {
                Matcher matcher = SETTING.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                return matcher.find() ? DurationStyle.detectAndParse(matcher.group(1)) : BOOT_DEFAULT;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CONFIG + " in " + jar, e);
        }
    }
}
