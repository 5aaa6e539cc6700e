package lab.runner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import lab.runner.bench.Launch;
import lab.runner.engine.ScenarioRun;
import lab.runner.environment.ReproductionProbe;
import lab.runrecord.RunResults;
import lab.runrecord.ScenarioSpec;

/** A real run of the engine with the real jars, set up as {@code ./lab compare} sets one up. */
final class TestRuns {

    /** What the run returned and what it printed. */
    record Outcome(RunResults results, String printed) {}

    private TestRuns() {}

    /** Runs {@code spec} from the jars under {@code root}, every app with a heap of {@code heapMiB}. */
    static Outcome run(Path root, Path out, ScenarioSpec spec, List<Launch> launches, int heapMiB) throws Exception {
        RunSetup setup = RunSetup.decide(root, spec, null, heapMiB, null, null, null);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        RunResults results = new ScenarioRun(
                        new ScenarioRun.Options(
                                root,
                                out,
                                spec,
                                launches,
                                setup.split(),
                                setup.appFlags(),
                                setup.stubFlags(),
                                setup.isolation(),
                                null,
                                ReproductionProbe.describe(root, List.of("test")),
                                setup.loadGenerators(),
                                false),
                        new PrintStream(buffer, true, StandardCharsets.UTF_8))
                .run();
        return new Outcome(results, buffer.toString(StandardCharsets.UTF_8));
    }
}
