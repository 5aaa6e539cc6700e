package lab.runner.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.runner.bench.Launch;
import lab.runner.process.JavaLauncher;
import lab.runner.process.JvmFlags;
import lab.runner.process.ManagedProcess;
import lab.runner.process.ProcessGroup;
import lab.runner.process.Readiness;
import lab.variants.App;
import lab.variants.Variant;

/**
 * {@code ./lab serve}: the stub (with its fault admin endpoint) and the chosen app(s) on fixed
 * ports for manual exploration. Nothing is pinned: this is for curl, not for measuring.
 */
public final class Serve {

    static final int STUB_PORT = 8090;
    static final Map<String, Integer> PORTS = Map.of("mvc", 8081, "webflux", 8082, "mvc-vt", 8083, "mvc-10k", 8084);
    static final List<String> ALL = List.of("mvc", "webflux", "mvc-vt");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path root;
    private final String which;
    private final int heapMiB;
    private final PrintStream out;

    public Serve(Path root, String which, int heapMiB, PrintStream out) {
        this.root = root;
        this.which = which;
        this.heapMiB = heapMiB;
        this.out = out;
    }

    public int run(Integer exitAfterSeconds) throws IOException, InterruptedException {
        List<String> names = "all".equals(which) ? ALL : List.of(which);
        names.forEach(Variant::named);
        JavaLauncher java = new JavaLauncher();
        Readiness readiness = new Readiness();
        JvmFlags flags = new JvmFlags(heapMiB, "G1", Runtime.getRuntime().availableProcessors(), false);
        Path logs = Files.createTempDirectory("lab-serve-");
        try (ProcessGroup group = new ProcessGroup()) {
            ManagedProcess stub = java.startJar(
                    group,
                    "stub",
                    root.resolve(App.STUB.jar()),
                    null,
                    flags.toList(),
                    List.of("--server.port=" + STUB_PORT, "--stub.admin.enabled=true"),
                    logs);
            readiness.awaitReady(stub, logs.resolve("stub.port"), START_TIMEOUT);
            out.println("stub     http://127.0.0.1:" + STUB_PORT + "  (admin endpoint enabled)");
            Map<String, Integer> started = new LinkedHashMap<>();
            for (String name : names) {
                Launch v = Launch.named(name);
                int port = PORTS.get(name);
                ManagedProcess app = java.startJar(
                        group,
                        name,
                        root.resolve(v.jar()),
                        null,
                        flags.toList(),
                        v.arguments(Integer.toString(port), "http://127.0.0.1:" + STUB_PORT),
                        logs);
                readiness.awaitReady(app, logs.resolve(name + ".port"), START_TIMEOUT);
                started.put(name, port);
                out.printf("%-8s http://127.0.0.1:%d%n", name, port);
            }
            out.println();
            out.print(examples(started));
            out.println("Logs in " + logs + ". Ctrl-C stops everything.");
            out.flush();
            waitForever(group, exitAfterSeconds);
        }
        return 0;
    }

    static String examples(Map<String, Integer> apps) {
        StringBuilder b = new StringBuilder("Try:\n");
        for (var e : apps.entrySet()) {
            String base = "http://127.0.0.1:" + e.getValue();
            b.append("  curl -s '")
                    .append(base)
                    .append("/api/io?delayMs=100'   # ")
                    .append(e.getKey())
                    .append('\n');
        }
        int port = apps.values().iterator().next();
        String base = "http://127.0.0.1:" + port;
        b.append("  curl -s '").append(base).append("/api/fanout?calls=4&delayMs=100'\n");
        b.append("  curl -s '").append(base).append("/api/cpu?rounds=1000'\n");
        b.append("  curl -s '").append(base).append("/actuator/info'\n");
        b.append("  curl -s '")
                .append(base)
                .append(
                        "/actuator/prometheus' | grep -E 'tomcat_threads_busy|jvm_threads_live|lab_requests_in_progress'\n");
        b.append("  # make the downstream slow for everyone (then DELETE to undo):\n");
        b.append("  curl -s -X PUT -H 'Content-Type: application/json' -d '{\"extraLatencyMs\":900}' http://127.0.0.1:")
                .append(STUB_PORT)
                .append("/admin/faults\n");
        b.append("  curl -s -X DELETE http://127.0.0.1:").append(STUB_PORT).append("/admin/faults\n");
        return b.toString();
    }

    private static void waitForever(ProcessGroup group, Integer exitAfterSeconds) throws InterruptedException {
        long deadline =
                exitAfterSeconds == null ? Long.MAX_VALUE : System.nanoTime() + exitAfterSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<ManagedProcess> running = new ArrayList<>(group.running());
            if (running.isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
    }
}
