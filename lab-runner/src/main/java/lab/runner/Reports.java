package lab.runner;

import java.io.PrintStream;
import java.nio.file.Path;
import lab.report.ReportWriter;

/** Writes a run's report.html and summary.md, and says where; a failure to render loses no result. */
final class Reports {

    private Reports() {}

    /** @return whether the report was written */
    static boolean write(Path dir, PrintStream out) {
        try {
            ReportWriter.write(dir);
            out.println("Report: " + dir.resolve(ReportWriter.REPORT).toAbsolutePath());
            out.println("Summary: " + dir.resolve(ReportWriter.SUMMARY).toAbsolutePath());
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            out.println("Report not written (" + e.getMessage() + "); the results are in "
                    + dir.resolve("results.json").toAbsolutePath() + ": ./lab report " + dir + " retries");
            return false;
        } finally {
            out.println("Results: " + dir.resolve("results.json").toAbsolutePath());
        }
    }
}
