package lab.runner.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lab.gatling.RunAnswer;
import lab.gatling.RunCommand;
import lab.gatling.WorkerReady;
import lab.runner.process.JavaLauncher;
import lab.runner.process.ManagedProcess;
import lab.runner.process.ProcessGroup;
import tools.jackson.databind.json.JsonMapper;

/**
 * One warm Gatling JVM ({@code lab.gatling.LoadWorker}) pinned to the load CPUs, that runs every
 * Gatling run of a variant one after the other: warm-up chunks, the ladder and its open step. Its
 * process is {@link #process()}: sample its CPU with {@link #pid()}.
 *
 * <p>It talks to the worker over a loopback TCP connection that the worker opens back to this
 * JVM (its output goes to a log file, like every process of the {@link ProcessGroup}); when this
 * JVM dies, the connection closes and the worker exits by itself. Each run's folder is moved to
 * {@code <out>/gatling/<label>/}, as {@link GatlingLauncher} does.
 *
 * <pre>
 * try (GatlingWorker gatling = GatlingWorker.start(java, group, "gatling-mvc", layout.loadCpuList(),
 *         GatlingWorker.jvmFlags(512, layout.loadCpuCount()), outDir)) {
 *     RunAnswer chunk = gatling.run(LoadRequest.closed("mvc-warmup-1", target, 400, 100, 5, 0, 10_000).withoutReport());
 *     ...
 *     RunAnswer ladder = gatling.run(LadderRequest.io("mvc", target, List.of(50, 200, 800), 100, 5, 30, 1, 2500, 30, 10_000));
 *     ladder.windows(); // one WindowStats per step: start/end instants, throughput, latency, errors
 * }
 * </pre>
 */
public final class GatlingWorker implements AutoCloseable {

    static final String MAIN_CLASS = "lab.gatling.LoadWorker";

    /** JVM start and Gatling's class loading, on a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** Time on top of the planned run for report generation, decoding the stats and draining. */
    private static final Duration SLACK = Duration.ofSeconds(90);

    private static final Duration ACCEPT_POLL = Duration.ofSeconds(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProcessGroup group;
    private final ManagedProcess process;
    private final Socket socket;
    private final BufferedReader answers;
    private final PrintStream commands;
    private final Path gatlingDir;
    private final List<String> jvmFlags;

    private GatlingWorker(
            ProcessGroup group,
            ManagedProcess process,
            Socket socket,
            BufferedReader answers,
            Path gatlingDir,
            List<String> jvmFlags)
            throws IOException {
        this.group = group;
        this.process = process;
        this.socket = socket;
        this.answers = answers;
        this.commands = new PrintStream(socket.getOutputStream(), true, StandardCharsets.UTF_8);
        this.gatlingDir = gatlingDir;
        this.jvmFlags = List.copyOf(jvmFlags);
    }

    /**
     * The Gatling JVM flags the lab recommends (measured in docs/gatling.md, "What Gatling
     * costs"): a fixed heap, the load CPUs as the JVM's processor count, and the two flags
     * Gatling needs to read and write {@code simulation.log} and to use Netty's epoll transport.
     */
    public static List<String> jvmFlags(int heapMiB, int cpuCount) {
        return List.of(
                "-Xms" + heapMiB + "m",
                "-Xmx" + heapMiB + "m",
                "-XX:ActiveProcessorCount=" + cpuCount,
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED");
    }

    /**
     * Starts a worker on {@code cpus} with this JVM's classpath (which holds the gatling module)
     * and waits until it is ready.
     *
     * @param name process name, also its log file {@code <out>/logs/<name>.log}
     * @throws IOException when the worker cannot start or does not connect back in time (it is
     *     stopped then)
     */
    public static GatlingWorker start(
            JavaLauncher java, ProcessGroup group, String name, String cpus, List<String> jvmFlags, Path outDir)
            throws IOException, InterruptedException {
        String token = UUID.randomUUID().toString();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> jvm = new ArrayList<>(jvmFlags);
            jvm.addAll(List.of("-cp", System.getProperty("java.class.path")));
            ManagedProcess process = group.start(
                    name,
                    java.command(
                            cpus,
                            jvm,
                            List.of(
                                    MAIN_CLASS,
                                    "--connect",
                                    Integer.toString(server.getLocalPort()),
                                    "--token",
                                    token)),
                    Map.of(),
                    outDir.resolve("logs").resolve(name + ".log"));
            try {
                Socket socket = accept(server, process);
                BufferedReader answers =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                socket.setSoTimeout((int) START_TIMEOUT.toMillis());
                String hello = answers.readLine();
                if (hello == null) {
                    throw new IOException(
                            "the Gatling worker closed the connection before it was ready, see " + process.log());
                }
                WorkerReady ready = JSON.readValue(hello, WorkerReady.class);
                if (!token.equals(ready.token())) {
                    socket.close();
                    throw new IOException("another process connected instead of the Gatling worker");
                }
                return new GatlingWorker(group, process, socket, answers, outDir.resolve("gatling"), jvmFlags);
            } catch (IOException | InterruptedException | RuntimeException e) {
                group.stop(process);
                throw e;
            }
        }
    }

    private static Socket accept(ServerSocket server, ManagedProcess process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        server.setSoTimeout((int) ACCEPT_POLL.toMillis());
        while (System.nanoTime() < deadline) {
            try {
                return server.accept();
            } catch (SocketTimeoutException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("the Gatling worker exited during start-up (exit " + process.exitCode()
                            + "), see " + process.log());
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
        throw new IOException(
                "the Gatling worker did not connect within " + START_TIMEOUT.toSeconds() + " s, see " + process.log());
    }

    /** The worker JVM (pinned to the load CPUs). */
    public ManagedProcess process() {
        return process;
    }

    /** Its process id: the JVM's own, as taskset execs java. */
    public long pid() {
        return process.pid();
    }

    public List<String> jvmFlags() {
        return jvmFlags;
    }

    public boolean isAlive() {
        return process.isAlive() && !socket.isClosed();
    }

    /** One closed- or open-model step, or a warm-up chunk ({@link LoadRequest#withoutReport()}). */
    public RunAnswer run(LoadRequest request) throws IOException {
        Duration planned = Duration.ofSeconds(request.rampSeconds() + request.durationSeconds())
                .plusMillis(request.requestTimeoutMs());
        return run(request.label(), request.simulation(), request.systemProperties(), request.htmlReport(), planned);
    }

    /** A whole ladder and its open step. */
    public RunAnswer run(LadderRequest request) throws IOException {
        return run(
                request.label(),
                request.simulation(),
                request.systemProperties(),
                request.htmlReport(),
                request.plannedDuration());
    }

    /**
     * Runs any simulation with these system properties and waits for its answer, at most the
     * planned duration plus slack for the report and stats. When the worker does not answer in
     * time it is stopped, and the answer says so ({@link #isAlive()} is then false: start another).
     * A failed run is an answer, not an exception.
     *
     * @throws IOException only when the run folder cannot be prepared or moved
     */
    public synchronized RunAnswer run(
            String label, String simulation, Map<String, String> properties, boolean htmlReport, Duration planned)
            throws IOException {
        if (!isAlive()) {
            return RunAnswer.failed(
                    label,
                    -1,
                    "the Gatling worker is not running (exit " + process.exitCode() + "), see " + process.log());
        }
        Path results = gatlingDir.resolve(".runs").resolve(label);
        GatlingLauncher.deleteTree(results);
        Files.createDirectories(results);
        commands.println(
                JSON.writeValueAsString(new RunCommand(label, simulation, properties, results, label, htmlReport)));
        Duration limit = planned.plus(SLACK);
        String line;
        try {
            socket.setSoTimeout((int) limit.toMillis());
            line = answers.readLine();
        } catch (SocketTimeoutException e) {
            stop();
            return RunAnswer.failed(label, -1, "Gatling did not finish within " + limit.toSeconds() + " s");
        } catch (IOException e) {
            line = null;
        }
        if (line == null) {
            stop();
            return RunAnswer.failed(
                    label,
                    -1,
                    "the Gatling worker exited during " + label + " (exit " + process.exitCode() + "), see "
                            + process.log());
        }
        RunAnswer answer = JSON.readValue(line, RunAnswer.class);
        if (answer.runDir() == null) {
            GatlingLauncher.deleteTree(results);
            return answer;
        }
        Path target = gatlingDir.resolve(label);
        GatlingLauncher.deleteTree(target);
        Files.move(answer.runDir(), target);
        GatlingLauncher.deleteTree(results);
        return answer.withRunDir(target);
    }

    private void stop() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // stopping the process closes it anyway
        }
        group.stop(process);
    }

    /** Ends the worker: end of input makes it exit; the group makes sure it does. */
    @Override
    public void close() {
        stop();
    }
}
