package lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import lab.page.HeadlessChromium;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opens the fixture's report in headless Chromium (when installed) and checks that report.js drew
 * every chart without a script error: the one test that runs the JavaScript for real.
 */
class ReportInBrowserTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.LADDER, Fixtures.LIMITS, Fixtures.SLOWDOWN, Fixtures.C10K})
    void everyChartIsDrawnWithoutAScriptError(String fixture) throws IOException, InterruptedException {
        Path browser = HeadlessChromium.required();
        Fixtures.writeResults(dir, Fixtures.tree(fixture));
        ReportWriter.write(dir);
        int charts = new ChartModel(Fixtures.run(fixture)).charts().size();

        HeadlessChromium.Rendered page = HeadlessChromium.open(browser, dir.resolve(ReportWriter.REPORT), dir);

        assertThat(page.dom()).contains("data-charts-rendered=\"" + charts + "\"");
        assertThat(page.scriptError()).as(String.join("\n", page.log())).isFalse();
    }
}
