package lab.runner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import lab.runner.process.JavaLauncher;
import lab.runner.process.ManagedProcess;
import lab.runner.process.ProcessGroup;
import lab.runner.process.Readiness;
import lab.runner.sampling.ActuatorClient;
import lab.runner.sampling.ProcReader;
import lab.variants.App;
import tools.jackson.databind.JsonNode;

/**
 * The test bench: the stub on the load CPUs, one app at a time on its own CPU(s) (in its own
 * cgroup when pod limits apply), and whatever else the run starts. Everything belongs to one
 * {@link ProcessGroup}, stopped when the bench is closed (or the JVM exits).
 */
public final class Bench implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path root;
    private final Path outDir;
    private final CpuSplit split;
    private final List<String> appFlags;
    private final List<String> stubFlags;
    private final Function<Launch, AppIsolation> isolation;
    private final JavaLauncher launcher = new JavaLauncher();
    private final ProcessGroup group = new ProcessGroup();
    private final Readiness readiness = new Readiness();
    private final ProcReader proc = new ProcReader();
    /** This JVM's CPUs before it pinned itself to the load side, restored on close. */
    private final String ownCpus;

    private ManagedProcess stub;
    private int stubPort;
    private boolean closed;

    /**
     * @param isolation makes the cgroup (or none) each app runs in
     */
    public Bench(
            Path root,
            Path outDir,
            CpuSplit split,
            List<String> appFlags,
            List<String> stubFlags,
            Function<Launch, AppIsolation> isolation) {
        this.root = root;
        this.outDir = outDir;
        this.split = split;
        this.appFlags = List.copyOf(appFlags);
        this.stubFlags = List.copyOf(stubFlags);
        this.isolation = isolation;
        this.ownCpus = split.layout().pinned() ? allCpus() : null;
        if (split.layout().pinned()) {
            // the runner samples and probes every second: keep that off the app's CPU
            launcher.pinThisProcess(split.layout().loadCpuList());
        }
    }

    private String allCpus() {
        List<Integer> all = new ArrayList<>(split.layout().loadCpus());
        all.addAll(split.layout().appCpus());
        return String.join(",", all.stream().sorted().map(String::valueOf).toList());
    }

    public CpuSplit split() {
        return split;
    }

    public List<String> appJvmFlags() {
        return appFlags;
    }

    public List<String> stubJvmFlags() {
        return stubFlags;
    }

    public ProcReader proc() {
        return proc;
    }

    public JavaLauncher java() {
        return launcher;
    }

    public ProcessGroup group() {
        return group;
    }

    public Path outDir() {
        return outDir;
    }

    public Path logs() {
        return outDir.resolve("logs");
    }

    public int stubPort() {
        return stubPort;
    }

    public long stubPid() {
        return stub.pid();
    }

    public String stubUrl() {
        return "http://127.0.0.1:" + stubPort;
    }

    /**
     * Starts the stub on the load CPUs. Its admin endpoint (runtime faults) is on only when the
     * scenario changes the downstream during the run, and it listens on 127.0.0.1 only.
     */
    public void startStub(boolean adminEnabled) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1"));
        if (adminEnabled) {
            args.add("--stub.admin.enabled=true");
        }
        stub = launcher.startJar(
                group, "stub", root.resolve(App.STUB.jar()), split.layout().loadCpuList(), stubFlags, args, logs());
        stubPort = readiness.awaitReady(stub, logs().resolve("stub.port"), START_TIMEOUT);
    }

    /** An app that is up: its process, port, Actuator, what it says about itself, and its isolation. */
    public record RunningApp(
            Launch launch,
            ManagedProcess process,
            int port,
            ActuatorClient actuator,
            JsonNode info,
            double startupSeconds,
            AppIsolation isolation) {

        public String target() {
            return "http://127.0.0.1:" + port;
        }
    }

    public RunningApp startApp(Launch launch) throws IOException, InterruptedException {
        Path jar = root.resolve(launch.jar());
        if (!Files.isRegularFile(jar)) {
            throw new IOException("missing " + jar + ": build it with ./mvnw -q -DskipTests install (./lab does)");
        }
        AppIsolation box = isolation.apply(launch);
        try {
            long t0 = System.nanoTime();
            Path portFile = logs().resolve(launch.name() + ".port");
            Files.createDirectories(logs());
            Files.deleteIfExists(portFile);
            List<String> rest = new ArrayList<>(List.of("-jar", jar.toString()));
            rest.addAll(launch.arguments("0", stubUrl()));
            List<String> command = box.wrap(launcher.command(split.layout().appCpuList(), appFlags, rest));
            Map<String, String> env = new java.util.HashMap<>(box.environment());
            env.put("PORTFILE", portFile.toString());
            ManagedProcess app = group.start(launch.name(), command, env, logs().resolve(launch.name() + ".log"));
            int port = readiness.awaitReady(app, portFile, START_TIMEOUT);
            double startup = (System.nanoTime() - t0) / 1e9;
            ActuatorClient actuator = new ActuatorClient(port);
            return new RunningApp(launch, app, port, actuator, actuator.info(), startup, box);
        } catch (IOException | RuntimeException e) {
            box.close();
            throw e;
        }
    }

    /** Stops the app and removes its cgroup (after reading why it ended, if it did). */
    public void stopApp(RunningApp app) {
        group.stop(app.process());
        app.isolation().close();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        group.close();
        if (ownCpus != null) {
            launcher.pinThisProcess(ownCpus);
        }
    }
}
