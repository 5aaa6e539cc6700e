package lab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opens the fixture's report in headless Chromium (when installed) and checks that report.js drew
 * every chart without a script error: the one test that runs the JavaScript for real.
 */
class ReportInBrowserTest {

    /** The names Debian, Ubuntu, Fedora and Chrome's own packages give the browser, tried in this order. */
    private static final List<String> BROWSERS =
            List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome");

    private static final long TIMEOUT_SECONDS = 90;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.LADDER, Fixtures.LIMITS, Fixtures.SLOWDOWN, Fixtures.C10K})
    void everyChartIsDrawnWithoutAScriptError(String fixture) throws IOException, InterruptedException {
        Optional<Path> browser = onPath(BROWSERS);
        String missing = "no headless Chromium on the PATH (tried " + BROWSERS + "; apt-get install chromium)";
        if (Boolean.parseBoolean(System.getenv("CI"))) {
            // CI must run the one test that runs report.js: a missing browser fails it, never skips it.
            assertThat(browser).as(missing).isPresent();
        }
        assumeTrue(browser.isPresent(), missing);
        Fixtures.writeResults(dir, Fixtures.tree(fixture));
        ReportWriter.write(dir);
        int charts = new ChartModel(Fixtures.run(fixture)).charts().size();
        Path dom = dir.resolve("dom.html");
        Path log = dir.resolve("chromium.log");

        Process chromium = new ProcessBuilder(List.of(
                        browser.get().toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + dir.resolve("profile"),
                        "--enable-logging=stderr",
                        "--v=0",
                        "--dump-dom",
                        dir.resolve(ReportWriter.REPORT).toUri().toString()))
                .redirectOutput(dom.toFile())
                .redirectError(log.toFile())
                .start();
        try {
            assertThat(chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .as("chromium finished")
                    .isTrue();
        } finally {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
        }

        assertThat(Files.readString(dom)).contains("data-charts-rendered=\"" + charts + "\"");
        assertThat(Files.readAllLines(log)).noneMatch(line -> line.contains("Uncaught"));
    }

    /** The first of {@code names} that is an executable file in a directory of the PATH. */
    static Optional<Path> onPath(List<String> names) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    Path candidate = Path.of(dir, name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
