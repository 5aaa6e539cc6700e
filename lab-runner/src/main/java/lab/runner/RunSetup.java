package lab.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import lab.results.Environment;
import lab.results.ScenarioSpec;
import lab.runner.bench.AppIsolation;
import lab.runner.bench.CpuSplit;
import lab.runner.bench.Launch;
import lab.runner.engine.ScenarioRun;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * How a run uses the machine, decided before anything starts: the CPU split, every JVM's flags,
 * and the cgroup each app runs in when {@code --limits} makes it a pod.
 */
record RunSetup(
        CpuSplit split,
        List<String> appFlags,
        List<String> stubFlags,
        Function<Launch, AppIsolation> isolation,
        Environment.PodLimitsInfo limitsInfo,
        ScenarioRun.LoadGenerators loadGenerators)
        implements AutoCloseable {

    static final int DEFAULT_APP_CPUS = 1;
    /**
     * Same for every variant. 1 GiB keeps mvc-vt alive to 3,200 users (each request in flight
     * holds ~100 KiB of heap on virtual threads); 256 MiB killed it at 1,600 (docs/lab.md).
     */
    static final int DEFAULT_HEAP_MIB = 1024;

    static final String DEFAULT_GC = "G1";
    static final List<String> GCS = List.of("G1", "Serial", "Parallel", "Z");
    /** c10k reads thread stacks from the JVM's native memory tracking (every variant alike). */
    static final String NATIVE_MEMORY_TRACKING = "-XX:NativeMemoryTracking=summary";

    static RunSetup decide(
            java.nio.file.Path root,
            ScenarioSpec spec,
            String limits,
            Integer heapMiB,
            String gc,
            Integer appCpus,
            CommandLine cl) {
        String collector = gc == null ? DEFAULT_GC : gc;
        if (!GCS.contains(collector)) {
            throw new ParameterException(cl, "--gc " + gc + ": one of " + GCS);
        }
        int cpus = appCpus == null ? DEFAULT_APP_CPUS : appCpus;
        if (cpus < 1) {
            throw new ParameterException(cl, "--app-cpus " + appCpus + ": at least 1");
        }
        int heap = heapMiB == null ? DEFAULT_HEAP_MIB : heapMiB;
        List<String> app = new ArrayList<>(List.of(
                "-Xms" + heap + "m",
                "-Xmx" + heap + "m",
                "-XX:+Use" + collector + "GC",
                "-XX:+ExitOnOutOfMemoryError"));
        if ("c10k".equals(spec.load().kind())) {
            app.add(NATIVE_MEMORY_TRACKING);
        }
        return new RunSetup(
                CpuSplit.pinned(cpus),
                app,
                LoadSide.STUB_JVM_FLAGS,
                launch -> AppIsolation.NONE,
                null,
                LoadSide.loadGenerators());
    }

    @Override
    public void close() {}
}
