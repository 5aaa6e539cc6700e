package lab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.runrecord.ResultsJson;
import lab.runrecord.RunResults;

/**
 * Writes {@code report.html} and {@code summary.md} next to a run's {@code results.json}.
 *
 * <p>The runner calls {@link #write(Path)} at the end of {@code ./lab compare}, after it has
 * written {@code results.json}; {@code ./lab report <dir>} calls it on an existing run.
 */
public final class ReportWriter {

    public static final String REPORT = "report.html";
    public static final String SUMMARY = "summary.md";

    private ReportWriter() {}

    /**
     * Reads {@code outDir/results.json}, writes {@code outDir/report.html} and {@code outDir/summary.md}.
     *
     * @return the summary's text, for the runner to print
     * @throws ResultsJson.Unreadable when results.json is missing, of another schema version or malformed
     *     (its message is one line for the command line)
     * @throws IOException when the report cannot be written
     */
    public static String write(Path outDir) throws IOException {
        return write(ResultsJson.read(ResultsJson.in(outDir)), outDir);
    }

    /** Renders {@code run} into {@code outDir} (for a runner that already holds the results). */
    public static String write(RunResults run, Path outDir) throws IOException {
        Rendered rendered = render(run);
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve(REPORT), rendered.html(), StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve(SUMMARY), rendered.summary(), StandardCharsets.UTF_8);
        return rendered.summary();
    }

    record Rendered(String html, String summary, Narrative.Reading reading, List<Chart> charts) {}

    static Rendered render(RunResults run) {
        Narrative.Reading reading = new Narrative(run, ReportThresholds.DEFAULTS).read();
        List<Chart> charts = new ChartModel(run).charts();
        String html = new HtmlReport().render(run, reading, charts);
        return new Rendered(html, MarkdownSummary.render(run, reading), reading, charts);
    }
}
