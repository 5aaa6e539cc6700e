package lab.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.diff.Diff;
import lab.diff.DiffInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./lab diff <runA> <runB>}: what changed between two runs, beyond the noise. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Compare two runs step by step (two machines, two JDKs, two Boot versions): per shared step the change "
                    + "of throughput, p99 and CPU per request with their spreads across repeats, flagging what moved "
                    + "beyond the noise; setup differences first. Writes diff.md and diff.html.",
            "Exit status: 0 the diff was made (regressions are data); 1 something got worse and "
                    + "--fail-on-regression was given; 2 bad input (nothing written)."
        })
final class DiffCommand implements Callable<Integer> {

    static final int EXIT_REGRESSION = 1;
    static final int EXIT_BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The baseline: a run folder (or its results.json).")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The run compared with it.")
    Path runB;

    @Option(names = "--out", description = "Output folder (default: results/diff-<A>-vs-<B>).")
    Path out;

    @Option(names = "--fail-on-regression", description = "Exit 1 when any figure got worse beyond the noise (for CI).")
    boolean failOnRegression;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path outDir = out != null ? out : Diff.defaultOut(RepoRoot.find().resolve("results"), runA, runB);
        try {
            Diff.Outcome outcome = Diff.make(runA, runB, outDir);
            outcome.summary().forEach(stdout::println);
            stdout.flush();
            return failOnRegression && outcome.worse() > 0 ? EXIT_REGRESSION : 0;
        } catch (DiffInputException e) {
            stderr.println("ERROR: " + e.getMessage());
            stderr.flush();
            return EXIT_BAD_INPUT;
        } catch (IOException e) {
            stderr.println("ERROR: cannot write " + outDir + ": " + e);
            stderr.flush();
            return EXIT_BAD_INPUT;
        }
    }
}
