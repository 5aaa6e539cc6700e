package lab.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.runner.compare.ReportHook;
import lab.runner.output.ResultsFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./lab report <dir>}: re-render report.html and summary.md from an existing results.json. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Write report.html and summary.md again from DIR/results.json.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A results folder (holding results.json).")
    Path dir;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(dir.resolve(ResultsFiles.RESULTS_JSON))) {
            System.err.println("no " + ResultsFiles.RESULTS_JSON + " in " + dir);
            return 2;
        }
        if (!ReportHook.write(dir, System.out)) {
            return 1;
        }
        System.out.println("Report: " + dir.resolve("report.html").toAbsolutePath());
        System.out.println("Summary: " + dir.resolve("summary.md").toAbsolutePath());
        return 0;
    }
}
