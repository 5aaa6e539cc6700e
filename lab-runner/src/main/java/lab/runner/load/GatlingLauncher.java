package lab.runner.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import lab.gatling.stats.GatlingStatsReader;
import lab.gatling.stats.StepStats;
import lab.runner.process.JavaLauncher;
import lab.runner.process.ManagedProcess;
import lab.runner.process.ProcessGroup;

/**
 * Runs each Gatling step in its own JVM ({@code lab.gatling.RunSimulation}) pinned to the load
 * CPUs, with this JVM's classpath (which holds the gatling module), then moves the run folder to
 * {@code <out>/gatling/<label>/} and reads its stats.
 */
public final class GatlingLauncher {

    /** Time on top of the planned run for JVM start, report generation and draining. */
    private static final Duration SLACK = Duration.ofSeconds(90);

    private final JavaLauncher launcher;
    private final ProcessGroup group;
    private final String cpus;
    private final List<String> jvmFlags;
    private final Path gatlingDir;

    public GatlingLauncher(JavaLauncher java, ProcessGroup group, String cpus, int cpuCount, int heapMiB, Path outDir) {
        this.launcher = java;
        this.group = group;
        this.cpus = cpus;
        this.jvmFlags = List.of(
                "-Xms" + heapMiB + "m",
                "-Xmx" + heapMiB + "m",
                "-XX:ActiveProcessorCount=" + cpuCount,
                // Gatling's simulation.log reader needs it (see the gatling module's docs)
                "--add-opens=java.base/java.lang=ALL-UNNAMED");
        this.gatlingDir = outDir.resolve("gatling");
    }

    public List<String> jvmFlags() {
        return jvmFlags;
    }

    /** Starts the run; the returned process is the Gatling JVM (sample it while it runs). */
    public ManagedProcess start(LoadRequest request) throws IOException {
        Path results = resultsFolder(request);
        deleteTree(results);
        Files.createDirectories(results);
        List<String> jvm = new ArrayList<>(jvmFlags);
        request.systemProperties().forEach((k, v) -> jvm.add("-D" + k + "=" + v));
        jvm.addAll(List.of("-cp", System.getProperty("java.class.path")));
        List<String> main = new ArrayList<>(List.of(
                "lab.gatling.RunSimulation",
                "--simulation",
                request.simulation(),
                "--results-folder",
                results.toString(),
                "--run-description",
                request.label()));
        if (!request.htmlReport()) {
            main.add("--no-reports");
        }
        return group.start(
                "gatling-" + request.label(),
                launcher.command(cpus, jvm, main),
                Map.of(),
                gatlingDir.getParent().resolve("logs").resolve("gatling-" + request.label() + ".log"));
    }

    /** Waits for the run to end (bounded), then collects its stats and report folder. */
    public LoadOutcome finish(ManagedProcess process, LoadRequest request) throws InterruptedException {
        Duration limit = Duration.ofSeconds(request.durationSeconds() + request.rampSeconds())
                .plusMillis(request.requestTimeoutMs())
                .plus(SLACK);
        OptionalInt exit = process.waitFor(limit);
        if (exit.isEmpty()) {
            group.stop(process);
            return new LoadOutcome(null, null, -1, "Gatling did not finish within " + limit.toSeconds() + " s");
        }
        group.stop(process);
        Path results = resultsFolder(request);
        Path runDir = GatlingStatsReader.latestRun(results).orElse(null);
        if (runDir == null) {
            return new LoadOutcome(
                    null,
                    null,
                    exit.getAsInt(),
                    "Gatling wrote no results (exit " + exit.getAsInt() + "), see " + process.log());
        }
        Path target = gatlingDir.resolve(request.label());
        try {
            deleteTree(target);
            Files.move(runDir, target);
            deleteTree(results);
            StepStats stats = GatlingStatsReader.read(target);
            String failure = exit.getAsInt() == 0 ? null : "Gatling exited with " + exit.getAsInt();
            return new LoadOutcome(stats, target, exit.getAsInt(), failure);
        } catch (IOException | RuntimeException e) {
            return new LoadOutcome(null, target, exit.getAsInt(), "unreadable Gatling results: " + e);
        }
    }

    public LoadOutcome run(LoadRequest request) throws IOException, InterruptedException {
        return finish(start(request), request);
    }

    private Path resultsFolder(LoadRequest request) {
        return gatlingDir.resolve(".runs").resolve(request.label());
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
