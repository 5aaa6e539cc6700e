package lab.gatling;

import io.gatling.commons.util.GatlingVersion;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A long-lived Gatling JVM: it runs one simulation per command, one after the other, so that every
 * step after the first runs on warm code (a fresh Gatling JVM costs about 3.5 times the CPU per
 * request of a warm one, see docs/gatling.md).
 *
 * <p>Protocol, one JSON object per line: the worker first writes a {@link WorkerReady}, then reads
 * {@link RunCommand}s and answers each with a {@link RunAnswer} once its run is over and its stats
 * are read. End of input means: run what was sent, then exit. When the process that started it
 * dies (or the one given with {@code --watch-pid}), the worker exits at once, even in the middle of
 * a run, so that no load keeps hitting an app after the lab is gone.
 *
 * <p>The channel is stdin/stdout, or with {@code --connect <port> [--token <token>]} a TCP
 * connection to {@code 127.0.0.1:<port>} (what the lab uses: its processes write their output to
 * a log file, and the token tells it that the right process connected). On stdin/stdout, Gatling's
 * console output goes to stderr so that stdout carries answers only.
 *
 * <pre>
 * echo '{"id":"a","simulation":"ConcurrencyLadderSimulation","properties":{"target":"http://127.0.0.1:8082",
 *   "ladder":"50,100","durationSeconds":"10","rampSeconds":"2","assertions":"false"},
 *   "resultsFolder":"/tmp/results","htmlReport":false}' \
 *   | java -Xmx512m --add-opens=java.base/java.lang=ALL-UNNAMED -cp ... lab.gatling.LoadWorker
 * </pre>
 *
 * <p>Exit status: 0 at end of input, {@value #ABANDONED} when the watched process died or the
 * answers could not be written, 2 bad arguments or no connection.
 */
public final class LoadWorker {

    /** The watched process died, or the answers cannot be written: nobody is left to read them. */
    static final int ABANDONED = 4;

    static final int BAD_ARGUMENTS = 2;

    /** Gatling's list of data writers, as a system property (Typesafe Config reads "list.0" as a list). */
    static final String WRITERS = "gatling.data.writers.0";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Optional<String> END_OF_INPUT = Optional.empty();

    private final BlockingQueue<Optional<String>> commands = new LinkedBlockingQueue<>();
    private final PrintStream answers;

    private LoadWorker(PrintStream answers) {
        this.answers = answers;
    }

    public static void main(String[] args) {
        SimulationRunner.prepareJvm();
        // Gatling's console writer prints progress every 5 s for a person watching; nobody watches
        // a worker's log while it runs, and turning it off saves about 6 % of Gatling's CPU per request
        // (docs/gatling.md). A command can turn it back on: gatling.data.writers.0=console, .1=file.
        if (System.getProperty(WRITERS) == null) {
            System.setProperty(WRITERS, "file");
        }
        Channel channel;
        try {
            channel = Channel.open(args);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("LoadWorker: " + e.getMessage());
            System.exit(BAD_ARGUMENTS);
            return;
        }
        exitWhenGone(channel.watched());
        LoadWorker worker = new LoadWorker(new PrintStream(channel.output(), false, StandardCharsets.UTF_8));
        worker.startReading(channel.input());
        worker.answer(new WorkerReady(
                ProcessHandle.current().pid(),
                channel.token(),
                GatlingVersion.ThisVersion().fullVersion()));
        worker.serve();
        // Gatling leaves a non-daemon Netty executor idling for a second: do not wait for it
        System.exit(0);
    }

    /**
     * Exits at once when the process that drives this worker dies: its load must not outlive it.
     * (End of input alone cannot tell a dead parent from {@code commands.txt | LoadWorker}.)
     */
    private static void exitWhenGone(Optional<ProcessHandle> watched) {
        watched.ifPresent(process -> process.onExit().thenRun(() -> {
            System.err.println("LoadWorker: process " + process.pid() + " is gone, exiting");
            Runtime.getRuntime().halt(ABANDONED);
        }));
    }

    /** Reads commands on their own thread; the main thread runs them one after the other. */
    private void startReading(InputStream input) {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines =
                            new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            if (!line.isBlank()) {
                                commands.add(Optional.of(line));
                            }
                        }
                    } catch (IOException e) {
                        // a broken channel is the end of input
                    }
                    commands.add(END_OF_INPUT);
                },
                "load-worker-input");
        reader.setDaemon(true);
        reader.start();
    }

    private void serve() {
        while (true) {
            Optional<String> line;
            try {
                line = commands.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (line.isEmpty()) {
                return;
            }
            answer(execute(line.get()));
        }
    }

    static RunAnswer execute(String line) {
        RunCommand command;
        try {
            command = JSON.readValue(line, RunCommand.class);
        } catch (JacksonException | IllegalArgumentException e) {
            return RunAnswer.failed(null, SimulationRunner.CRASHED, "unreadable command: " + e.getMessage());
        }
        return SimulationRunner.run(command);
    }

    private synchronized void answer(Object message) {
        answers.println(JSON.writeValueAsString(message));
        answers.flush();
        if (answers.checkError()) {
            // the other end is gone
            Runtime.getRuntime().halt(ABANDONED);
        }
    }

    /** Where commands come from and answers go. */
    private record Channel(InputStream input, OutputStream output, String token, Optional<ProcessHandle> watched) {

        /** The init process adopts orphans: a worker whose parent is init has no driver to watch. */
        private static final long INIT = 1;

        static Channel open(String[] args) {
            Integer port = null;
            String token = "";
            Optional<ProcessHandle> watched = ProcessHandle.current().parent().filter(p -> p.pid() != INIT);
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--connect" -> port = parseNumber("--connect", valueAfter(args, i++));
                    case "--token" -> token = valueAfter(args, i++);
                    case "--watch-pid" ->
                        watched = Optional.of(process(parseNumber("--watch-pid", valueAfter(args, i++))));
                    default ->
                        throw new IllegalArgumentException("unknown argument " + args[i]
                                + " (usage: LoadWorker [--connect <port> [--token <token>]] [--watch-pid <pid>])");
                }
            }
            if (port == null) {
                // stdout carries the answers only: Gatling's console output goes to stderr
                PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
                System.setOut(System.err);
                return new Channel(System.in, stdout, token, watched);
            }
            try {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setTcpNoDelay(true);
                return new Channel(socket.getInputStream(), socket.getOutputStream(), token, watched);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot connect to 127.0.0.1:" + port, e);
            }
        }

        private static ProcessHandle process(long pid) {
            return ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalArgumentException("--watch-pid: no process " + pid));
        }

        private static int parseNumber(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, got " + value, e);
            }
        }

        private static String valueAfter(String[] args, int index) {
            if (index + 1 >= args.length) {
                throw new IllegalArgumentException(args[index] + " needs a value");
            }
            return args[index + 1];
        }
    }
}
