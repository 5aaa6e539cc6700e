package lab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code report.html} and {@code summary.md} next to a run's {@code results.json}.
 *
 * <p>The lab runner calls {@link #write(Path)} at the end of {@code ./lab compare};
 * {@code ./lab report <dir>} re-runs it through {@link #main(String[])} on an existing results dir.
 */
public final class ReportWriter {

    public static final String RESULTS = "results.json";
    public static final String REPORT = "report.html";
    public static final String SUMMARY = "summary.md";

    private ReportWriter() {}

    /**
     * Reads {@code outDir/results.json}, writes {@code outDir/report.html} and {@code outDir/summary.md}.
     *
     * @return the summary's text, for the runner to print
     * @throws UncheckedIOException when results.json cannot be read or the reports cannot be written
     */
    public static String write(Path outDir) {
        Results results = ResultsReader.read(outDir.resolve(RESULTS));
        Narrative.Reading reading = new Narrative(results, ReportThresholds.DEFAULTS).read();
        List<Chart> charts = new ChartModel(results).charts();
        String html = new HtmlReport().render(results, reading, charts);
        String summary = MarkdownSummary.render(results, reading);
        try {
            Files.writeString(outDir.resolve(REPORT), html, StandardCharsets.UTF_8);
            Files.writeString(outDir.resolve(SUMMARY), summary, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outDir, e);
        }
        return summary;
    }

    /** {@code ReportWriter <results dir>}: regenerates the report of an existing run. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: lab report <results dir>   (the directory that holds " + RESULTS + ")");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (!Files.isRegularFile(dir.resolve(RESULTS))) {
            System.err.println("no " + RESULTS + " in " + dir.toAbsolutePath());
            System.exit(1);
        }
        write(dir);
        System.out.println("wrote " + dir.resolve(REPORT).toAbsolutePath());
        System.out.println("wrote " + dir.resolve(SUMMARY).toAbsolutePath());
    }
}
