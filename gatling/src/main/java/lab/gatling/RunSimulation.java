package lab.gatling;

import io.gatling.app.Gatling$;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import lab.gatling.stats.GatlingStatsReader;
import lab.gatling.stats.StepStats;

/**
 * Runs one simulation in this JVM, then saves its stats next to Gatling's report. The lab starts
 * it as a separate JVM per step; it is also the main class of the Kubernetes Gatling Job.
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
    static final int CRASHED = 1;
    static final int NO_RESULTS = 3;
    private static final String LOGBACK_CONFIG = "logback.configurationFile";
    private static final String LOCAL_HOST = "127.0.0.1";
    /** Reserved (tcpmux) and never listened on: connections are refused immediately. */
    private static final String CLOSED_PORT = "1";

    private RunSimulation() {}

    public static void main(String[] args) {
        // before anything touches SLF4J: without it Logback logs every request at DEBUG
        defaultProperty(LOGBACK_CONFIG, "gatling-logback.xml");
        keepVersionCheckLocal();
        RunRequest request = RunRequest.parse(args, System::getProperty, System::getenv);
        Instant started = Instant.now();
        int status;
        try {
            status = Gatling$.MODULE$.fromArgs(request.gatlingArgs());
        } catch (Throwable crash) {
            // Gatling has logged the stack trace; exit explicitly so that no engine thread keeps the JVM up
            System.out.println("Run failed: " + rootCause(crash) + hint(crash));
            System.exit(CRASHED);
            return;
        }
        System.exit(afterRun(request.resultsFolder(), started, status, System.out));
    }

    private static Throwable rootCause(Throwable crash) {
        Throwable cause = crash;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String hint(Throwable crash) {
        return rootCause(crash) instanceof IllegalAccessException
                ? " (start the JVM with --add-opens=java.base/java.lang=ALL-UNNAMED, or use java -jar gatling-runner.jar)"
                : "";
    }

    /**
     * Gatling asks repo1.maven.org for a newer release at every start (Runner.displayVersionWarning,
     * no switch to turn it off). It uses HttpURLConnection, which honours the JVM's proxy
     * properties, while load goes through Gatling's own Netty client, which ignores them: a proxy
     * on a closed local port makes the check fail at once, and no request leaves for anything but
     * the target. It also keeps the memo of that check (Java preferences) out of a read-only HOME.
     */
    private static void keepVersionCheckLocal() {
        defaultProperty("https.proxyHost", LOCAL_HOST);
        defaultProperty("https.proxyPort", CLOSED_PORT);
        defaultProperty("java.util.prefs.userRoot", System.getProperty("java.io.tmpdir"));
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    static int afterRun(Path resultsFolder, Instant started, int gatlingStatus, PrintStream out) {
        // file systems with one-second timestamps would otherwise hide a run created in the first second
        long notBefore = started.truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
        Optional<Path> runDir = GatlingStatsReader.latestRun(resultsFolder)
                .filter(dir -> dir.toFile().lastModified() >= notBefore);
        if (runDir.isEmpty()) {
            out.println("No simulation.log under " + resultsFolder);
            return gatlingStatus == 0 ? NO_RESULTS : gatlingStatus;
        }
        try {
            StepStats stats = GatlingStatsReader.decodeAndSave(runDir.get());
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
        } catch (IllegalStateException e) {
            // the report is there; only the saved summary is missing
            out.println("Stats not saved: " + e.getMessage());
        }
        out.println(RUN_DIR_PREFIX + runDir.get());
        return gatlingStatus;
    }
}
