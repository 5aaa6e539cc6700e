package lab.runner.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import lab.runner.load.GatlingLauncher;
import lab.runner.load.LoadOutcome;
import lab.runner.load.LoadRequest;
import lab.runner.process.CpuLayout;
import lab.runner.process.JavaLauncher;
import lab.runner.process.JvmFlags;
import lab.runner.process.ManagedProcess;
import lab.runner.process.ProcessGroup;
import lab.runner.process.Readiness;
import lab.runner.sampling.ActuatorClient;
import lab.runner.sampling.ProcReader;
import lab.runner.sampling.Sampler;
import lab.runner.sampling.StepMetrics;
import lab.variants.App;
import tools.jackson.databind.JsonNode;

/**
 * The test bench: the stub on the load CPUs, one app at a time on its own CPU(s), Gatling runs
 * on the load CPUs, and a sampler around each run. Everything it starts belongs to one
 * {@link ProcessGroup}, stopped when the bench is closed (or the JVM exits).
 */
public final class Bench implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path root;
    private final Path outDir;
    private final CpuLayout layout;
    private final JvmFlags appFlags;
    private final JvmFlags stubFlags;
    private final JavaLauncher launcher = new JavaLauncher();
    private final ProcessGroup group = new ProcessGroup();
    private final Readiness readiness = new Readiness();
    private final ProcReader proc = new ProcReader();
    private final GatlingLauncher gatling;
    /** This JVM's CPUs before it pinned itself to the load side, restored on close; read before the constructor pins. */
    private final String ownCpus = CpuLayout.detect(1).pinned() ? allCpus() : null;

    private ManagedProcess stub;
    private int stubPort;

    public Bench(Path root, Path outDir, CpuLayout layout, JvmFlags appFlags, int gatlingHeapMiB) {
        this.root = root;
        this.outDir = outDir;
        this.layout = layout;
        this.appFlags = appFlags;
        // The stub gets the same heap and GC; it shares the load CPUs with Gatling.
        this.stubFlags = new JvmFlags(appFlags.heapMiB(), appFlags.gc(), layout.loadCpuCount(), false);
        this.gatling = new GatlingLauncher(
                launcher, group, layout.loadCpuList(), layout.loadCpuCount(), gatlingHeapMiB, outDir);
        if (layout.pinned()) {
            // the runner samples and probes every second: keep that off the app's CPU
            launcher.pinThisProcess(layout.loadCpuList());
        }
    }

    private static String allCpus() {
        CpuLayout all = CpuLayout.detect(1);
        return all.loadCpuList() + "," + all.appCpuList();
    }

    public CpuLayout layout() {
        return layout;
    }

    public List<String> appJvmFlags() {
        return appFlags.toList();
    }

    public List<String> stubJvmFlags() {
        return stubFlags.toList();
    }

    public List<String> gatlingJvmFlags() {
        return gatling.jvmFlags();
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

    public int stubPort() {
        return stubPort;
    }

    public void startStub() throws IOException, InterruptedException {
        Path logs = outDir.resolve("logs");
        stub = launcher.startJar(
                group,
                "stub",
                root.resolve(App.STUB.jar()),
                layout.loadCpuList(),
                stubFlags.toList(),
                List.of("--server.port=0"),
                logs);
        stubPort = readiness.awaitReady(stub, logs.resolve("stub.port"), START_TIMEOUT);
    }

    /** An app that is up: its process, port, Actuator and what it says about itself. */
    public record RunningApp(
            Launch variant,
            ManagedProcess process,
            int port,
            ActuatorClient actuator,
            JsonNode info,
            double startupSeconds) {
        public String target() {
            return "http://127.0.0.1:" + port;
        }
    }

    public RunningApp startApp(Launch variant) throws IOException, InterruptedException {
        Path logs = outDir.resolve("logs");
        long t0 = System.nanoTime();
        ManagedProcess app = launcher.startJar(
                group,
                variant.name(),
                root.resolve(variant.jar()),
                layout.appCpuList(),
                appFlags.toList(),
                variant.arguments("0", "http://127.0.0.1:" + stubPort),
                logs);
        int port = readiness.awaitReady(app, logs.resolve(variant.name() + ".port"), START_TIMEOUT);
        double startup = (System.nanoTime() - t0) / 1e9;
        ActuatorClient actuator = new ActuatorClient(port);
        return new RunningApp(variant, app, port, actuator, actuator.info(), startup);
    }

    public void stopApp(RunningApp app) {
        group.stop(app.process());
    }

    /** A Gatling run with the sampler around it. */
    public record Measured(
            LoadOutcome outcome, StepMetrics metrics, Long contextSwitches, double wallSeconds, String reportPath) {}

    public Measured measure(RunningApp app, LoadRequest request, boolean countContextSwitches)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        long switchesBefore = countContextSwitches
                ? proc.contextSwitchesAllThreads(app.process().pid())
                : -1;
        AtomicLong loadGenPid = new AtomicLong(-1);
        LoadOutcome outcome;
        Sampler sampler = new Sampler(
                app.actuator(),
                proc,
                app.process().pid(),
                stub.pid(),
                loadGenPid::get,
                stubPort,
                request.delayMs(),
                layout.appCpus());
        try (sampler) {
            sampler.start();
            ManagedProcess run = gatling.start(request);
            loadGenPid.set(run.pid());
            outcome = gatling.finish(run, request);
        }
        long switchesAfter = countContextSwitches
                ? proc.contextSwitchesAllThreads(app.process().pid())
                : -1;
        long from = outcome.stats() == null ? 0 : outcome.stats().start().toEpochMilli();
        long to =
                outcome.stats() == null ? Long.MAX_VALUE : outcome.stats().end().toEpochMilli();
        StepMetrics metrics = StepMetrics.of(sampler.samples(), sampler.probes(), from, to, request.delayMs());
        Long switches = switchesBefore >= 0 && switchesAfter >= 0 ? switchesAfter - switchesBefore : null;
        String report = outcome.runDir() == null
                ? null
                : outDir.relativize(outcome.runDir()).toString();
        return new Measured(outcome, metrics, switches, (System.nanoTime() - t0) / 1e9, report);
    }

    /** Processes of this bench still running (for tests and the final check). */
    public List<ManagedProcess> running() {
        return new ArrayList<>(group.running());
    }

    @Override
    public void close() {
        group.close();
        if (ownCpus != null && layout.pinned()) {
            launcher.pinThisProcess(ownCpus);
        }
        removeScratch(outDir);
    }

    /** The Gatling scratch folder is empty after a clean run: leave no clutter in the output. */
    private static void removeScratch(Path outDir) {
        Path scratch = outDir.resolve("gatling").resolve(".runs");
        if (!java.nio.file.Files.isDirectory(scratch)) {
            return;
        }
        try (var walk = java.nio.file.Files.walk(scratch)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // something is left to look at: fine
        }
    }
}
