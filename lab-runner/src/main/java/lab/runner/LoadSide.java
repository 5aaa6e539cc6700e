package lab.runner;

import java.util.List;
import lab.runner.engine.ScenarioRun;
import lab.runner.load.GatlingLoad;

/**
 * The load side's JVMs: the stub and the load generator. They are not what the lab measures, so
 * their flags are chosen for a low CPU per request (measured in docs/stub.md and docs/gatling.md),
 * not for fairness.
 */
final class LoadSide {

    /** 512 MiB was measured at 500 connections; c10k holds up to 10,000 at once. */
    static final int STUB_HEAP_MIB = 512;

    static final int C10K_STUB_HEAP_MIB = 1024;

    private LoadSide() {}

    /**
     * The stub's flags: a fixed heap and the Serial collector (GC is a fraction of a second in
     * minutes either way), one event loop per load CPU (one loop helps at ~2,000 rps), Netty's leak
     * detector off (2 % of its CPU went to recording stack traces). C2 stays on: C1 alone made
     * each request ~75 % dearer.
     */
    static List<String> stubFlags(int loadCpus, boolean c10k) {
        int heap = c10k ? C10K_STUB_HEAP_MIB : STUB_HEAP_MIB;
        return List.of(
                "-Xms" + heap + "m",
                "-Xmx" + heap + "m",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dreactor.netty.ioWorkerCount=" + Math.max(1, loadCpus),
                "-Dio.netty.leakDetection.level=disabled");
    }

    /** One warm Gatling worker per variant (docs/gatling.md has what it costs). */
    static ScenarioRun.LoadGenerators loadGenerators(boolean c10k) {
        return GatlingLoad.factory(c10k);
    }
}
