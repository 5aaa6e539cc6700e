package lab.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/** Classpath text: the report's own template, style and script, and the ECharts webjar. */
final class Resources {

    private static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final String ECHARTS_JS = "META-INF/resources/webjars/echarts/%s/dist/echarts.min.js";

    private Resources() {}

    static String text(String path) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's minified ECharts, found through its own version so the POM stays the one place to bump it. */
    static String echarts() {
        return Echarts.SCRIPT;
    }

    /** Read once (a megabyte), on first use. */
    private static final class Echarts {
        private static final String SCRIPT = load();
    }

    private static String load() {
        Properties pom = new Properties();
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(ECHARTS_POM)) {
            if (in == null) {
                throw new IllegalStateException("the org.webjars.npm:echarts webjar is not on the classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inlineable(text(ECHARTS_JS.formatted(pom.getProperty("version"))));
    }

    /** Script text goes inside a script element verbatim, so it must not close or comment it out. */
    static String inlineable(String script) {
        String lower = script.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--")) {
            throw new IllegalStateException("script cannot be inlined: it contains </script or <!--");
        }
        return script;
    }
}
