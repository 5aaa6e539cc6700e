package lab.contract.kit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * An executable jar running as a real child process of the test JVM, started with the test JVM's
 * own {@code java}. It binds port 0 (unless a port is given), writes the real port to the file
 * named by env {@code PORTFILE}, and counts as started once that file holds a port and
 * {@code GET /actuator/health/readiness} answers 200.
 *
 * <p>Output goes to {@code target/processes/<name>-<n>.log}. A JVM shutdown hook kills whatever
 * the tests forgot, so nothing outlives the test JVM.
 */
public final class JarProcess implements AutoCloseable {

    /**
     * A bound, not a measurement: six Boot apps starting at once on two cores shared with seven
     * builds took 77 s each. A process that dies fails the start at once, whatever this says.
     */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final int LOG_TAIL_LINES = 40;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Path LOG_DIR = Path.of("target", "processes");

    private static final Set<JarProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final ConcurrentMap<String, AtomicInteger> COUNTERS = new ConcurrentHashMap<>();
    private static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(PROBE_TIMEOUT)
            .build();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> LIVE.forEach(p -> p.kill(Duration.ofSeconds(2))), "jar-process-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private JarProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code jar} on a free port and waits until it is ready. */
    public static JarProcess start(String name, Path jar, List<String> jvmArgs, List<String> appArgs) {
        return builder(name, jar).jvmArgs(jvmArgs).appArgs(appArgs).start();
    }

    public static Builder builder(String name, Path jar) {
        return new Builder(name, jar);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public Path logFile() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The whole log so far (for assertions on what the app printed). */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code lines} lines of the log. */
    public String logTail(int lines) {
        return tail(log, lines);
    }

    /** Asks for a graceful shutdown: {@link Process#destroy()} is SIGTERM on Linux. */
    public void sigterm() {
        process.destroy();
    }

    /** Waits up to {@code timeout} for the process to exit; returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " (pid " + pid() + ") still running after " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + name, e);
        }
        LIVE.remove(this);
        return process.exitValue();
    }

    /** SIGTERM, a bounded wait, then SIGKILL. Safe to call twice. */
    @Override
    public void close() {
        kill(DEFAULT_STOP_TIMEOUT);
    }

    private void kill(Duration grace) {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            LIVE.remove(this);
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + pid() + ", port " + port + "]";
    }

    static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .filter(c -> Files.isExecutable(Path.of(c)))
                .orElseGet(() ->
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Options for one start; {@link #start()} blocks until the app is ready. */
    public static final class Builder {
        private final String name;
        private final Path jar;
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> appArgs = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private Integer port;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private String readinessPath = "/actuator/health/readiness";

        private Builder(String name, Path jar) {
            this.name = name;
            this.jar = jar;
        }

        public Builder jvmArgs(List<String> args) {
            jvmArgs.addAll(args);
            return this;
        }

        public Builder jvmArgs(String... args) {
            return jvmArgs(List.of(args));
        }

        public Builder appArgs(List<String> args) {
            appArgs.addAll(args);
            return this;
        }

        public Builder appArgs(String... args) {
            return appArgs(List.of(args));
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        /** A fixed port instead of {@code --server.port=0}. */
        public Builder port(int fixedPort) {
            this.port = fixedPort;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Path that must answer 200 before the process counts as started. */
        public Builder readinessPath(String path) {
            this.readinessPath = path;
            return this;
        }

        public JarProcess start() {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(
                        "no jar at " + jar.toAbsolutePath() + "; build it first: ./mvnw -q -DskipTests install");
            }
            try {
                Files.createDirectories(LOG_DIR);
                int n = COUNTERS.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                Path log = LOG_DIR.resolve(name + "-" + n + ".log").toAbsolutePath();
                Path portFile = Files.createTempFile("lab-" + name + "-", ".port");
                Files.delete(portFile); // the app creates it once it is listening

                List<String> command = new ArrayList<>();
                command.add(javaExecutable());
                command.addAll(jvmArgs);
                command.add("-jar");
                command.add(snapshot(jar).toString());
                command.add("--server.port=" + (port == null ? 0 : port));
                command.addAll(appArgs);

                ProcessBuilder pb =
                        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
                pb.environment().putAll(env);
                pb.environment().put("PORTFILE", portFile.toString());
                Files.writeString(log, "", StandardCharsets.UTF_8);
                Process process = pb.start();
                JarProcess started = awaitReady(process, log, portFile);
                LIVE.add(started);
                return started;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + name + " from " + jar, e);
            }
        }

        private JarProcess awaitReady(Process process, Path log, Path portFile) {
            // registered as early as possible so the reaper sees it even if start-up fails
            JarProcess starting = new JarProcess(name, process, log, -1);
            LIVE.add(starting);
            try {
                int boundPort = await("port file of " + name)
                        .atMost(startTimeout)
                        .pollInterval(POLL_INTERVAL)
                        .failFast("process exited", () -> !process.isAlive())
                        .until(() -> readPort(portFile), p -> p > 0);
                String url = "http://127.0.0.1:" + boundPort + readinessPath;
                await("readiness of " + name + " at " + url)
                        .atMost(startTimeout)
                        .pollInterval(POLL_INTERVAL)
                        .failFast("process exited", () -> !process.isAlive())
                        .until(() -> status(url) == 200);
                return new JarProcess(name, process, log, boundPort);
            } catch (ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
                starting.kill(Duration.ofSeconds(5));
                throw new IllegalStateException(
                        "could not start " + name + " (" + e.getMessage() + "); last "
                                + LOG_TAIL_LINES + " lines of " + log + ":" + System.lineSeparator()
                                + tail(log, LOG_TAIL_LINES),
                        e);
            } finally {
                LIVE.remove(starting);
                try {
                    Files.deleteIfExists(portFile);
                } catch (IOException ignored) {
                    // a temp file; the OS cleans it up
                }
            }
        }

        /**
         * A private copy of the jar, so that a rebuild of the module while the process runs (other
         * builds share the tree) does not pull classes out from under it: a Boot jar replaced in
         * place fails with NoClassDefFoundError at the next class it loads.
         */
        private static Path snapshot(Path jar) throws IOException {
            Path dir = LOG_DIR.resolve("jars").toAbsolutePath();
            Files.createDirectories(dir);
            String file = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            Path copy = dir.resolve(file + "-" + Files.size(jar) + "-"
                    + Files.getLastModifiedTime(jar).toMillis() + ".jar");
            if (!Files.isRegularFile(copy)) {
                Path partial = Files.createTempFile(dir, file, ".partial");
                Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
                if (!Jars.isExecutableJar(partial)) {
                    Files.deleteIfExists(partial);
                    throw new IllegalStateException(jar + " is not a complete executable jar (being rebuilt?)");
                }
                Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return copy;
        }

        private static int readPort(Path portFile) {
            try {
                String text = Files.isRegularFile(portFile)
                        ? Files.readString(portFile).trim()
                        : "";
                return text.matches("\\d+") ? Integer.parseInt(text) : -1;
            } catch (IOException e) {
                return -1;
            }
        }

        private static int status(String url) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                        .timeout(PROBE_TIMEOUT)
                        .GET()
                        .build();
                return PROBE.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }
}
