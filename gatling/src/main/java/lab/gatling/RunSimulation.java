package lab.gatling;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import lab.gatling.stats.StepStats;
import lab.gatling.stats.WindowStats;

/**
 * Runs one simulation in this JVM, then saves its stats and steady windows next to Gatling's
 * report. It is the main class of the Kubernetes Gatling Job and of {@code gatling-runner.jar};
 * the lab runs its steps in a {@link LoadWorker} instead.
 *
 * <pre>
 * java -Xmx512m --add-opens=java.base/java.lang=ALL-UNNAMED -Dtarget=http://127.0.0.1:8082 -Dusers=400 \
 *      -cp ... lab.gatling.RunSimulation --simulation ConcurrencyLadderSimulation \
 *      --results-folder /tmp/results --run-description "webflux 400 users"
 * </pre>
 *
 * <p>Exit status: Gatling's (0 ok, 1 bad arguments, 2 assertions failed); 1 when the run crashed
 * (e.g. a setting out of range); 3 when the run left no {@code simulation.log}. When there is a
 * run folder, the last line of output is {@code RUN_DIR=<path>}.
 */
public final class RunSimulation {

    static final String RUN_DIR_PREFIX = "RUN_DIR=";
    static final int CRASHED = SimulationRunner.CRASHED;
    static final int NO_RESULTS = SimulationRunner.NO_RESULTS;

    private RunSimulation() {}

    public static void main(String[] args) {
        SimulationRunner.prepareJvm();
        RunRequest request = RunRequest.parse(args, System::getProperty, System::getenv);
        RunAnswer answer = SimulationRunner.run(
                "run", request.simulationClass(), request.resultsFolder(), request.gatlingArgs(), Map.of());
        // exit explicitly, so that no engine thread keeps the JVM up
        System.exit(print(answer, System.out));
    }

    /** Prints what the lab and a person need, the run folder last; returns the exit status. */
    static int print(RunAnswer answer, PrintStream out) {
        if (answer.runDir() == null) {
            out.println(answer.failure());
            return answer.exitCode();
        }
        StepStats stats = answer.stats();
        if (stats == null) {
            // the report is there; only the saved summary is missing
            out.println("Stats not saved: " + answer.failure());
        } else {
            out.printf(
                    Locale.ROOT,
                    "Stats: ok=%d ko=%d throughput=%.1f rps mean=%.1f ms p50=%d p95=%d p99=%d max=%d ms errors=%s%n",
                    stats.ok(),
                    stats.ko(),
                    stats.throughputRps(),
                    stats.meanMs(),
                    stats.p50Ms(),
                    stats.p95Ms(),
                    stats.p99Ms(),
                    stats.maxMs(),
                    stats.errors());
        }
        for (WindowStats window : answer.windows()) {
            out.printf(
                    Locale.ROOT,
                    "Window %s: %s..%s ok=%d ko=%d throughput=%.1f rps achieved=%.1f rps offered=%.1f/s"
                            + " mean=%.1f ms p50=%d p99=%d max=%d ms errors=%s%s%n",
                    window.step().label(),
                    window.start(),
                    window.end(),
                    window.ok(),
                    window.ko(),
                    window.throughputRps(),
                    window.achievedRps(),
                    window.offeredRps(),
                    window.latency().meanMs(),
                    window.latency().p50Ms(),
                    window.latency().p99Ms(),
                    window.latency().maxMs(),
                    window.errors(),
                    window.complete() ? "" : " (incomplete)");
        }
        out.println(RUN_DIR_PREFIX + answer.runDir());
        return answer.exitCode();
    }
}
