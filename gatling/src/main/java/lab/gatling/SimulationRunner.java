package lab.gatling;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import com.typesafe.config.ConfigFactory;
import io.gatling.app.Gatling$;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lab.gatling.simulations.LoadPlan;
import lab.gatling.simulations.LoadSettings;
import lab.gatling.stats.GatlingStatsReader;
import lab.gatling.stats.SteadyWindows;
import lab.gatling.stats.StepStats;
import lab.gatling.stats.WindowStats;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs simulations inside this JVM, one after the other, and reads each run's stats: the shared
 * core of {@link RunSimulation} (one run, then exit) and {@link LoadWorker} (many runs in one warm
 * JVM).
 *
 * <p>Gatling supports this: each run builds and tears down its own actor system, event loops and
 * HTTP engine (measured: no thread and no heap left behind after 30 runs, see docs/gatling.md). Two
 * things of a run do outlive it and are put right here: Gatling stops Logback at the end of every
 * run (which would leave the next run logging at DEBUG into no appender, formatting a message per
 * request), and Typesafe Config caches the system properties that Gatling's configuration reads.
 */
public final class SimulationRunner {

    /** The run crashed (e.g. a setting out of range) or the command could not be read. */
    public static final int CRASHED = 1;
    /** The run left no {@code simulation.log}. */
    public static final int NO_RESULTS = 3;

    /** The steady windows, saved next to {@code simulation.log} and {@value GatlingStatsReader#SUMMARY_FILE}. */
    public static final String WINDOWS_FILE = "windows.json";

    private static final String LOGBACK_CONFIG = "logback.configurationFile";
    private static final String LOCAL_HOST = "127.0.0.1";
    /** Reserved (tcpmux) and never listened on: connections are refused immediately. */
    private static final String CLOSED_PORT = "1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SimulationRunner() {}

    /** Once per JVM, before anything touches SLF4J or Gatling. */
    public static void prepareJvm() {
        // without it Logback logs every request at DEBUG
        defaultProperty(LOGBACK_CONFIG, "gatling-logback.xml");
        keepVersionCheckLocal();
    }

    /**
     * Runs one simulation with these system properties set for its duration only, then decodes
     * its stats and steady windows and saves them in the run folder. Never throws for a failed
     * run: the answer says what happened.
     */
    public static RunAnswer run(
            String id,
            String simulationClass,
            Path resultsFolder,
            String[] gatlingArgs,
            Map<String, String> properties) {
        Map<String, String> previous = setProperties(properties);
        try {
            // Gatling's configuration reads system properties through Typesafe Config, which caches them
            ConfigFactory.invalidateCaches();
            restartLogging();
            Set<Path> before = runDirs(resultsFolder);
            int status;
            try {
                status = Gatling$.MODULE$.fromArgs(gatlingArgs);
            } catch (Throwable crash) { // Gatling has logged the stack trace
                return RunAnswer.failed(id, CRASHED, "Run failed: " + rootCause(crash) + hint(crash));
            } finally {
                restartLogging();
            }
            return afterRun(id, simulationClass, newRunDir(before, resultsFolder), status);
        } finally {
            restoreProperties(previous);
        }
    }

    /** The same, for a command. */
    public static RunAnswer run(RunCommand command) {
        return run(
                command.id(),
                command.simulation(),
                command.resultsFolder(),
                command.gatlingArgs(),
                command.properties());
    }

    private static RunAnswer afterRun(String id, String simulationClass, Path runDir, int status) {
        if (runDir == null) {
            return RunAnswer.failed(
                    id, status == 0 ? NO_RESULTS : status, "Gatling wrote no simulation.log (status " + status + ")");
        }
        StepStats stats;
        try {
            stats = GatlingStatsReader.decodeAndSave(runDir);
        } catch (RuntimeException e) {
            return new RunAnswer(id, status, "unreadable simulation.log: " + e.getMessage(), runDir, null, List.of());
        }
        try {
            List<WindowStats> windows = SteadyWindows.read(runDir, plan(simulationClass));
            JSON.writerWithDefaultPrettyPrinter()
                    .writeValue(runDir.resolve(WINDOWS_FILE).toFile(), windows);
            return new RunAnswer(id, status, null, runDir, stats, windows);
        } catch (RuntimeException | ReflectiveOperationException e) {
            return new RunAnswer(id, status, "no steady windows: " + e, runDir, stats, List.of());
        }
    }

    /** The plan the simulation ran with: the same class and the same system properties. */
    private static LoadPlan plan(String simulationClass) throws ClassNotFoundException {
        Class<?> simulation = Class.forName(simulationClass, false, SimulationRunner.class.getClassLoader());
        return LoadPlan.of(simulation, LoadSettings.current());
    }

    /** Gatling stops Logback when a run ends; start it again from the same configuration. */
    static void restartLogging() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context && !context.isStarted()) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                throw new IllegalStateException("cannot configure Logback again after a run", e);
            }
            context.start();
        }
    }

    private static Map<String, String> setProperties(Map<String, String> properties) {
        Map<String, String> previous = new HashMap<>();
        properties.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
        return previous;
    }

    private static void restoreProperties(Map<String, String> previous) {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    private static Set<Path> runDirs(Path resultsFolder) {
        if (!Files.isDirectory(resultsFolder)) {
            return Set.of();
        }
        try (Stream<Path> children = Files.list(resultsFolder)) {
            return children.filter(Files::isDirectory).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run folder this run created: new since {@code before}, with a {@code simulation.log}. */
    private static Path newRunDir(Set<Path> before, Path resultsFolder) {
        return runDirs(resultsFolder).stream()
                .filter(dir -> !before.contains(dir))
                .filter(dir -> Files.isRegularFile(dir.resolve(GatlingStatsReader.SIMULATION_LOG)))
                .findFirst()
                .orElse(null);
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
}
