package lab.diff;

import static lab.diff.DiffFixtures.run;
import static lab.diff.DiffFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import lab.page.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a diff.html in headless Chromium (when installed) and checks that diff.js drew a chart per
 * variant, with its figure buttons, without a script error: the one test that runs the page's script.
 */
class DiffInBrowserTest {

    @TempDir
    Path dir;

    @Test
    void everyVariantGetsAChartWithoutAScriptError() throws IOException, InterruptedException {
        Path browser = HeadlessChromium.required();
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
        HeadlessChromium.Rendered page =
                HeadlessChromium.open(browser, dir.resolve("diff").resolve(Diff.HTML), dir);

        assertThat(page.dom()).contains("data-charts-rendered=\"2\"");
        assertThat(page.dom()).contains("<button type=\"button\" class=\"active\">throughput</button>");
        assertThat(page.scriptError()).as(String.join("\n", page.log())).isFalse();
    }
}
