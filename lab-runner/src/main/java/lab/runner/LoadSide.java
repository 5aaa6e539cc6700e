package lab.runner;

import java.util.List;
import lab.runner.engine.ScenarioRun;

/** The load side's JVMs: the stub and the load generator, tuned for low CPU per request (they are not measured). */
final class LoadSide {

    /** The stub's flags: a small heap and a throughput collector (docs/stub.md has the figures). */
    static final List<String> STUB_JVM_FLAGS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseParallelGC");

    private LoadSide() {}

    static ScenarioRun.LoadGenerators loadGenerators() {
        throw new UnsupportedOperationException("load generator not wired yet");
    }
}
