package lab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The page in a real headless Chromium while load runs: both apps' throughput reads non-zero in
 * the DOM, the charts draw, no script error. The scene is the presenter's script (docs/demo.md):
 * 300 users on each app and the downstream slowed by 900 ms, so MVC's 200 threads are all busy
 * while WebFlux serves every user. It writes the screenshot to
 * {@code target/demo.png}, and to the README's image with
 * {@code -Dlab.dashboard.screenshot=$PWD/docs/img/demo.png -Dlab.dashboard.screenshot.seconds=60}.
 */
class PageInBrowserTest extends DashboardTestBase {

    private static final int USERS = 300;
    private static final int EXTRA_MS = 900;
    /**
     * Seconds of history on the charts before the screenshot: enough for the story to show; the
     * README's picture waits longer ({@code -Dlab.dashboard.screenshot.seconds=60}) so that the
     * freshly started apps are warm in it.
     */
    private static final int EVENTS_ON_CHARTS = Integer.getInteger("lab.dashboard.screenshot.seconds", 20);

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 1000;

    @TempDir
    Path dir;

    @Test
    void bothAppsThroughputReadsNonZeroInThePage() throws Exception {
        Optional<Path> chromium = HeadlessChromium.locate();
        if ("true".equals(System.getenv("CI"))) {
            assertThat(chromium)
                    .as("chromium on the PATH (CI installs Debian's chromium)")
                    .isPresent();
        }
        assumeTrue(chromium.isPresent(), "headless Chromium not installed (apt-get install -y chromium)");

        putJson("/api/load", "{\"mode\":\"users\",\"users\":" + USERS + "}");
        putJson("/api/faults", "{\"extraLatencyMs\":" + EXTRA_MS + "}");

        try (HeadlessChromium browser =
                HeadlessChromium.open(chromium.get(), "http://127.0.0.1:" + port + "/", dir, WIDTH, HEIGHT)) {
            await("both apps' requests/s above 0 in the page")
                    .atMost(AWAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> rps(browser, "mvc") > 0 && rps(browser, "webflux") > 0);
            long firstSeq =
                    browser.evaluate("Number(document.body.dataset.seq)").asLong();
            await("MVC's thread pool full in the page, and " + EVENTS_ON_CHARTS + " s on the charts")
                    .atMost(AWAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> text(browser, "mvc", "threads").startsWith("200 / 200")
                            && browser.evaluate("Number(document.body.dataset.seq)")
                                            .asLong()
                                    >= firstSeq + EVENTS_ON_CHARTS);

            assertThat(rps(browser, "mvc")).isPositive();
            assertThat(rps(browser, "webflux")).isPositive();
            assertThat(text(browser, "webflux", "threads-label")).contains("event-loop");
            // every chart drew (ECharts renders into a canvas)
            assertThat(browser.evaluate("document.querySelectorAll('.chart canvas').length")
                            .asInt())
                    .isEqualTo(8);
            assertThat(browser.exceptions()).isEmpty();

            byte[] png = browser.screenshot(WIDTH);
            assertThat(png).isNotEmpty();
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "demo.png"), png);
            String copy = System.getProperty("lab.dashboard.screenshot");
            if (copy != null) {
                Files.write(Path.of(copy), png);
            }
        }
    }

    private static double rps(HeadlessChromium browser, String app) {
        String text = text(browser, app, "client-rps").replace(",", "");
        return text.matches("[0-9.]+") ? Double.parseDouble(text) : 0;
    }

    private static String text(HeadlessChromium browser, String app, String field) {
        JsonNode value = browser.evaluate("(document.querySelector('[data-app=\"" + app + "\"] [data-field=\"" + field
                + "\"]') || {}).textContent || ''");
        return value.asString();
    }
}
