package lab.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * Classpath text for the lab's self-contained pages (the report, the diff): their templates,
 * styles and scripts, and the ECharts webjar's script to inline, so a page opens offline.
 */
public final class PageResources {

    private static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final String ECHARTS_JS = "META-INF/resources/webjars/echarts/%s/dist/echarts.min.js";

    private PageResources() {}

    public static String text(String path) {
        try (InputStream in = PageResources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Minified ECharts from the webjar, located through the webjar's own version (the POM pins it). */
    public static String echarts() {
        return Echarts.SCRIPT;
    }

    /** Script text goes verbatim inside a script element: it must not close it or open a comment. */
    public static String inlineable(String script) {
        String lower = script.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--")) {
            throw new IllegalStateException("script cannot be inlined: it contains </script or <!--");
        }
        return script;
    }

    /** Loaded once, on first use (about a megabyte). */
    private static final class Echarts {
        private static final String SCRIPT = load();

        private static String load() {
            Properties pom = new Properties();
            try (InputStream in = PageResources.class.getClassLoader().getResourceAsStream(ECHARTS_POM)) {
                if (in == null) {
                    throw new IllegalStateException("the org.webjars.npm:echarts webjar is not on the classpath");
                }
                pom.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return inlineable(text(ECHARTS_JS.formatted(pom.getProperty("version"))));
        }
    }
}
