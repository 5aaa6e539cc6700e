package lab.runner.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lab.runner.bench.Launch;
import lab.runner.cgroup.Cgroups;
import lab.runner.process.JavaLauncher;
import lab.runner.process.JvmFlags;
import lab.runner.process.ManagedProcess;
import lab.runner.process.ProcessGroup;
import lab.runner.process.Readiness;
import lab.variants.App;

/**
 * {@code ./lab demo}: starts what is not given (the stub with its fault admin, the apps on free
 * ports, on 127.0.0.1), then the dashboard, prints the URL and waits; every process is in one
 * {@link ProcessGroup}, so Ctrl-C (the JVM's shutdown hook) stops them all.
 */
final class Demo {

    static final String DASHBOARD_JAR = "lab-dashboard/target/lab-dashboard.jar";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration POLL = Duration.ofMillis(500);
    /** The stub and the dashboard are small and cheap (non-blocking); their own heaps. */
    private static final int STUB_HEAP_MIB = 256;

    private static final int DASHBOARD_HEAP_MIB = 256;

    private final Path root;
    private final DemoSettings settings;
    private final PrintStream out;

    Demo(Path root, DemoSettings settings, PrintStream out) {
        this.root = root;
        this.settings = settings;
        this.out = out;
    }

    int run(Integer exitAfterSeconds) throws IOException, InterruptedException {
        JavaLauncher java = new JavaLauncher();
        Readiness readiness = new Readiness();
        int cpus = Runtime.getRuntime().availableProcessors();
        Cgroups cgroups = settings.limits() == null ? null : Cgroups.detect();
        Map<String, AppPlacement> placements = settings.targets().isEmpty()
                ? (settings.limits() == null
                        ? AppPlacement.unlimited(settings.variants(), settings.heapMiB())
                        : AppPlacement.limited(root, settings.limits(), settings.variants(), cgroups))
                : Map.of();
        Path logs = Files.createTempDirectory("lab-demo-");
        if (!settings.loopbackOnly()) {
            out.println("WARNING: the dashboard listens on " + settings.bind() + ": anyone who can reach it can "
                    + "start load and change the stub's faults.");
        }
        try (ProcessGroup group = new ProcessGroup()) {
            String stubUrl = settings.stub();
            if (stubUrl == null && settings.targets().isEmpty()) {
                ManagedProcess stub = java.startJar(
                        group,
                        "stub",
                        root.resolve(App.STUB.jar()),
                        null,
                        new JvmFlags(STUB_HEAP_MIB, "G1", cpus, false).toList(),
                        List.of("--server.port=0", "--server.address=127.0.0.1", "--stub.admin.enabled=true"),
                        logs);
                int port = readiness.awaitReady(stub, logs.resolve("stub.port"), START_TIMEOUT);
                stubUrl = "http://127.0.0.1:" + port;
                out.printf("%-9s %s  (fault admin on)%n", "stub", stubUrl);
            }
            Map<String, String> targets = new LinkedHashMap<>(settings.targets());
            // the apps start side by side (their start-up dominates), then each is awaited
            Map<String, ManagedProcess> apps = new LinkedHashMap<>();
            for (var e : placements.entrySet()) {
                String name = e.getKey();
                Launch v = Launch.named(name);
                List<String> args = new ArrayList<>(v.arguments("0", stubUrl));
                args.add("--server.address=127.0.0.1");
                apps.put(
                        name,
                        java.startJar(
                                group,
                                name,
                                root.resolve(v.jar()),
                                null,
                                e.getValue().cgroup(cgroups, name),
                                e.getValue().jvmFlags(),
                                args,
                                logs));
            }
            for (var e : apps.entrySet()) {
                String name = e.getKey();
                int port = readiness.awaitReady(e.getValue(), logs.resolve(name + ".port"), START_TIMEOUT);
                targets.put(name, "http://127.0.0.1:" + port);
                out.printf(
                        "%-9s %s  (%s)%n",
                        name, targets.get(name), placements.get(name).description());
            }
            ManagedProcess dashboard = java.startJar(
                    group,
                    "dashboard",
                    root.resolve(DASHBOARD_JAR),
                    null,
                    new JvmFlags(DASHBOARD_HEAP_MIB, "G1", cpus, false).toList(),
                    dashboardArguments(targets, stubUrl),
                    logs);
            int port = awaitDashboard(dashboard, logs.resolve("dashboard.port"));
            String url = "http://" + host() + ":" + port + "/";
            out.println();
            out.println("Dashboard: " + url + "   (stream: " + url + "events)");
            out.println("Logs in " + logs + ". Ctrl-C stops everything.");
            out.flush();
            return waitUntilDone(group, dashboard, exitAfterSeconds);
        }
    }

    List<String> dashboardArguments(Map<String, String> targets, String stubUrl) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + settings.port());
        args.add("--server.address=" + settings.bind());
        args.add("--dashboard.targets="
                + targets.entrySet().stream()
                        .map(t -> t.getKey() + "=" + t.getValue())
                        .collect(Collectors.joining(",")));
        if (stubUrl != null) {
            args.add("--dashboard.stub=" + stubUrl);
        }
        return args;
    }

    /** Where to reach the dashboard from this machine. */
    private String host() {
        String bind = settings.bind();
        if ("0.0.0.0".equals(bind) || "::".equals(bind)) {
            return "127.0.0.1";
        }
        return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    }

    /** The dashboard listens on {@code --bind}, which need not be 127.0.0.1: probe it there. */
    private int awaitDashboard(ManagedProcess dashboard, Path portFile) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!dashboard.isAlive()) {
                throw new IOException("the dashboard exited during start-up (port " + settings.port() + " taken?); see "
                        + dashboard.log());
            }
            String text =
                    Files.isRegularFile(portFile) ? Files.readString(portFile).trim() : "";
            if (text.matches("\\d+")) {
                int port = Integer.parseInt(text);
                try {
                    int status = http.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://" + host() + ":" + port + "/actuator/health/readiness"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    if (status == 200) {
                        return port;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IOException(
                "the dashboard was not ready within " + START_TIMEOUT.toSeconds() + " s; see " + dashboard.log());
    }

    /** Until Ctrl-C (or the test's deadline); says once when a process ends, returns 1 if the dashboard did. */
    private int waitUntilDone(ProcessGroup group, ManagedProcess dashboard, Integer exitAfterSeconds)
            throws InterruptedException {
        long deadline =
                exitAfterSeconds == null ? Long.MAX_VALUE : System.nanoTime() + exitAfterSeconds * 1_000_000_000L;
        Set<String> reported = new HashSet<>();
        List<ManagedProcess> all = new ArrayList<>(group.running());
        while (System.nanoTime() < deadline) {
            for (ManagedProcess p : all) {
                if (!p.isAlive() && reported.add(p.name())) {
                    out.println(p.name() + " exited with " + p.exitCode() + "; see " + p.log());
                }
            }
            if (!dashboard.isAlive()) {
                return 1;
            }
            Thread.sleep(POLL.toMillis());
        }
        return 0;
    }
}
