package lab.runner;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.results.ResultsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./lab report <dir>}: re-render report.html and summary.md from an existing results.json. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Write report.html and summary.md again from DIR/results.json.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A results folder (holding results.json).")
    Path dir;

    @Override
    public Integer call() {
        try {
            ResultsJson.read(dir);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return Reports.write(dir, System.out) ? 0 : 1;
    }
}
