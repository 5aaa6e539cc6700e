package lab.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import lab.runner.bench.AppIsolation;
import lab.runner.bench.CgroupIsolation;
import lab.runner.bench.CpuSplit;
import lab.runner.bench.Launch;
import lab.runner.cgroup.Cgroups;
import lab.runner.cgroup.PodLimits;
import lab.runner.engine.ScenarioRun;
import lab.runner.environment.EnvironmentProbe;
import lab.runrecord.Environment;
import lab.runrecord.ScenarioSpec;
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
    /**
     * c10k's heap, every variant alike: virtual threads hold each of ~10,000 requests in flight on
     * the heap (100–150 KB each), and 1 GiB ran out at 5,400 in flight.
     */
    static final int C10K_HEAP_MIB = 2048;

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
        if (limits != null) {
            return pod(root, spec, limits, heapMiB, gc, appCpus, cl);
        }
        String collector = gc == null ? DEFAULT_GC : gc;
        if (!GCS.contains(collector)) {
            throw new ParameterException(cl, "--gc " + gc + ": one of " + GCS);
        }
        int cpus = appCpus == null ? DEFAULT_APP_CPUS : appCpus;
        if (cpus < 1) {
            throw new ParameterException(cl, "--app-cpus " + appCpus + ": at least 1");
        }
        int heap = heapMiB != null ? heapMiB : "c10k".equals(spec.load().kind()) ? C10K_HEAP_MIB : DEFAULT_HEAP_MIB;
        List<String> app = new ArrayList<>(List.of(
                "-Xms" + heap + "m",
                "-Xmx" + heap + "m",
                "-XX:+Use" + collector + "GC",
                "-XX:+ExitOnOutOfMemoryError"));
        if ("c10k".equals(spec.load().kind())) {
            app.add(NATIVE_MEMORY_TRACKING);
        }
        CpuSplit split = CpuSplit.pinned(cpus);
        return new RunSetup(
                split,
                app,
                LoadSide.stubFlags(
                        split.layout().loadCpuCount(), "c10k".equals(spec.load().kind())),
                launch -> AppIsolation.NONE,
                null,
                LoadSide.loadGenerators("c10k".equals(spec.load().kind())));
    }

    /**
     * {@code --limits}: every app in its own cgroup with the pod's CPU quota and memory limit, the
     * pod's JVM options and nothing else (no -Xmx, no -XX:ActiveProcessorCount: the JVM sizes itself
     * from the limits as in the pod), pinned to as many whole CPUs as the quota needs. Without a
     * writable cgroup the limits are emulated with JVM flags, and every step says so.
     */
    static RunSetup pod(
            java.nio.file.Path root,
            ScenarioSpec spec,
            String limits,
            Integer heapMiB,
            String gc,
            Integer appCpus,
            CommandLine cl) {
        if (heapMiB != null || gc != null || appCpus != null) {
            throw new ParameterException(
                    cl,
                    "--limits sizes the app as its pod does: drop --heap-mib, --gc and --app-cpus (the overlay's"
                            + " JAVA_TOOL_OPTIONS name the heap share and the GC, its CPU limit the CPUs)");
        }
        java.util.Map<String, PodLimits> pods = new java.util.LinkedHashMap<>();
        try {
            for (String variant : spec.variants()) {
                pods.put(variant, LimitsLookup.podLimits(root, limits, variant));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, e.getMessage());
        }
        if (pods.values().stream().distinct().count() > 1) {
            throw new ParameterException(
                    cl, "--limits " + limits + " gives the variants different limits; the lab compares them under one");
        }
        PodLimits pod = pods.values().iterator().next();
        for (String warning :
                pod.unenforceable(EnvironmentProbe.onlineCpus(), EnvironmentProbe.memTotalMiB() * 1024 * 1024)) {
            System.out.println("WARNING: " + warning);
        }
        Cgroups cgroups = Cgroups.detect();
        // without a cgroup there is no quota: the app may use its whole pinned CPUs, and the
        // budget the checks compare against says so
        CpuSplit split = cgroups.enforced()
                ? CpuSplit.quota(pod.cpuMillis())
                : CpuSplit.pinned((int) Math.ceil(pod.cpuMillis() / 1000.0));
        System.out.println("Limits: " + pod.describe() + " from " + pod.source() + " via " + cgroups.description());
        cgroups.notUsed().forEach(why -> System.out.println("  not used: " + why));
        cgroups.staleRemoved().forEach(gone -> System.out.println("  removed what a killed run left: " + gone));
        // the pod's JAVA_TOOL_OPTIONS reach the JVM through its environment, as in the container
        List<String> app = new ArrayList<>();
        if (!cgroups.enforced()) {
            app.addAll(pod.emulationJvmArgs());
        }
        if ("c10k".equals(spec.load().kind())) {
            app.add(NATIVE_MEMORY_TRACKING);
        }
        String note =
                cgroups.enforced() ? null : "limits emulated, not enforced: " + String.join("; ", cgroups.notUsed());
        Function<Launch, AppIsolation> isolation = cgroups.enforced()
                ? launch -> {
                    try {
                        return new CgroupIsolation(cgroups.create(launch.name(), pod));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                : launch -> AppIsolation.emulated(pod.environment());
        return new RunSetup(
                split,
                app,
                LoadSide.stubFlags(
                        split.layout().loadCpuCount(), "c10k".equals(spec.load().kind())),
                isolation,
                new Environment.PodLimitsInfo(
                        limits,
                        pod.cpuMillis(),
                        pod.memoryBytes(),
                        cgroups.mechanism()
                                .name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', '-'),
                        cgroups.enforced(),
                        pod.javaToolOptions(),
                        note),
                LoadSide.loadGenerators("c10k".equals(spec.load().kind())));
    }

    @Override
    public void close() {}
}
