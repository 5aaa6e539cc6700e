package lab.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A page opened in a real headless Chromium, for the tests that run the report's and the diff's
 * JavaScript: what the page's DOM became and what the browser logged.
 */
public final class HeadlessChromium {

    /** The names Debian, Ubuntu, Fedora and Chrome's own packages give the browser, tried in this order. */
    private static final List<String> BROWSERS =
            List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome");

    private static final long TIMEOUT_SECONDS = 90;

    /** The DOM after the page's scripts ran, and the browser's log lines. */
    public record Rendered(String dom, List<String> log) {

        /** Whether a script threw without catching. */
        public boolean scriptError() {
            return log.stream().anyMatch(line -> line.contains("Uncaught"));
        }
    }

    private HeadlessChromium() {}

    /**
     * The browser on the PATH; the test is skipped without one, except on CI (env {@code CI=true}),
     * where a missing browser fails it, never skips it.
     */
    public static Path required() {
        Optional<Path> browser = onPath();
        String missing = "no headless Chromium on the PATH (tried " + BROWSERS + "; apt-get install chromium)";
        if (Boolean.parseBoolean(System.getenv("CI"))) {
            assertThat(browser).as(missing).isPresent();
        }
        assumeTrue(browser.isPresent(), missing);
        return browser.orElseThrow();
    }

    /** Opens {@code page} in {@code browser}, with a fresh profile and its files under {@code work}. */
    public static Rendered open(Path browser, Path page, Path work) throws IOException, InterruptedException {
        Path dom = work.resolve("dom.html");
        Path log = work.resolve("chromium.log");
        Process chromium = new ProcessBuilder(List.of(
                        browser.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + work.resolve("profile"),
                        "--enable-logging=stderr",
                        "--v=0",
                        "--dump-dom",
                        page.toUri().toString()))
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
        return new Rendered(Files.readString(dom), Files.readAllLines(log));
    }

    /** The first browser name that is an executable file in a directory of the PATH. */
    static Optional<Path> onPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : BROWSERS) {
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
