package lab.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.report.ReportWriter;
import lab.runrecord.ResultsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./lab report <dir>}: re-render report.html and summary.md from an existing results.json. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Write report.html and summary.md again from DIR/results.json (schema version 2).")
final class ReportCommand implements Callable<Integer> {

    /** Bad input: no such folder, no results.json, a results.json of another version or shape. */
    static final int BAD_INPUT = 2;
    /** The report could not be written (disk full, no permission). */
    static final int WRITE_FAILED = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A results folder (holding results.json).")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            err.println("lab report: " + dir + " is not a folder: give the folder of a ./lab compare run");
            return BAD_INPUT;
        }
        try {
            ReportWriter.write(dir);
        } catch (ResultsJson.Unreadable e) {
            err.println("lab report: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("lab report: cannot write the report into " + dir + ": " + e.getMessage());
            return WRITE_FAILED;
        }
        out.println("Report: " + dir.resolve(ReportWriter.REPORT).toAbsolutePath());
        out.println("Summary: " + dir.resolve(ReportWriter.SUMMARY).toAbsolutePath());
        return 0;
    }
}
