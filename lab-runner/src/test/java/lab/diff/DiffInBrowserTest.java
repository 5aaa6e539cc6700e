package lab.diff;

import static lab.diff.DiffFixtures.run;
import static lab.diff.DiffFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a diff.html in headless Chromium (when installed) and checks that diff.js drew a chart per
 * variant, with its figure buttons, without a script error: the one test that runs the page's script.
 */
class DiffInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 90;

    @TempDir
    Path dir;

    @Test
    void everyVariantGetsAChartWithoutAScriptError() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium not installed (apt-get install chromium)");
        Path a = DiffFixtures.write(
                run().variant("mvc", step("u400"), step("open3000"))
                        .variant("webflux", step("u400"), step("u1600"))
                        .build(),
                dir.resolve("a"));
        Path b = DiffFixtures.write(
                run().repeats(1)
                        .variant("mvc", step("u400").throughput(900).p99(120).cpu(0.2), step("open3000"))
                        .variant("webflux", step("u400"), step("u1600").throughput(800, 804, 796))
                        .build(),
                dir.resolve("b"));
        Diff.make(a, b, dir.resolve("diff"));
        Path dom = dir.resolve("dom.html");
        Path log = dir.resolve("chromium.log");

        Process chromium = new ProcessBuilder(List.of(
                        CHROMIUM.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + dir.resolve("profile"),
                        "--enable-logging=stderr",
                        "--v=0",
                        "--dump-dom",
                        dir.resolve("diff").resolve(Diff.HTML).toUri().toString()))
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

        String rendered = Files.readString(dom);
        assertThat(rendered).contains("data-charts-rendered=\"2\"");
        assertThat(rendered).contains("<button type=\"button\" class=\"active\">throughput</button>");
        assertThat(Files.readAllLines(log)).noneMatch(line -> line.contains("Uncaught"));
    }
}
