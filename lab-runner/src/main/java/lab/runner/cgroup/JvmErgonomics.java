package lab.runner.cgroup;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What a JVM derives from its limits, as the app's JVM will: {@link #probe} starts a small JVM with
 * the pod's {@code JAVA_TOOL_OPTIONS} in a cgroup with the pod's limits and asks it. The framework
 * figures follow the frameworks' documented defaults from {@code availableProcessors}:
 * Reactor Netty's event loops {@code max(availableProcessors, 4)} ({@code LoopResources}), the
 * virtual-thread scheduler's parallelism = availableProcessors, the common ForkJoin pool
 * availableProcessors - 1 (at least 1).
 *
 * @param availableProcessors  {@code Runtime.availableProcessors()}: from the CPU quota (rounded up) and the CPUs allowed
 * @param maxHeapBytes         {@code Runtime.maxMemory()}: MaxRAMPercentage of the memory limit, unless -Xmx says otherwise
 * @param gc                   the collector in use ({@code G1}, {@code Serial}, {@code Parallel}, {@code Z}, ...)
 * @param parallelGcThreads    {@code -XX:ParallelGCThreads} as ergonomics set it
 * @param eventLoopThreads     Reactor Netty's default worker count
 * @param carrierParallelism   virtual-thread carriers ({@code jdk.virtualThreadScheduler.parallelism})
 * @param commonPoolParallelism {@code ForkJoinPool.commonPool()} parallelism
 */
public record JvmErgonomics(
        int availableProcessors,
        long maxHeapBytes,
        String gc,
        int parallelGcThreads,
        int eventLoopThreads,
        int carrierParallelism,
        int commonPoolParallelism) {

    /** Reactor Netty's floor for its default event-loop count ({@code LoopResources.DEFAULT_IO_WORKER_COUNT}). */
    static final int REACTOR_MIN_EVENT_LOOPS = 4;

    private static final long PROBE_TIMEOUT_SECONDS = 60;
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    /** One line, as printed for each app: {@code availableProcessors 1, max heap 136 MiB, GC G1 (1 thread), ...}. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "availableProcessors %d, max heap %.0f MiB, GC %s (%d parallel thread%s), event loops %d,"
                        + " virtual-thread carriers %d, common pool %d",
                availableProcessors,
                maxHeapBytes / BYTES_PER_MIB,
                gc,
                parallelGcThreads,
                parallelGcThreads == 1 ? "" : "s",
                eventLoopThreads,
                carrierParallelism,
                commonPoolParallelism);
    }

    /**
     * Starts {@code java} with the pod's {@code JAVA_TOOL_OPTIONS} (plus {@code extraJvmArgs}) in a
     * throw-away cgroup {@code <name>-probe} with {@code limits}, and reads what it derived.
     */
    public static JvmErgonomics probe(
            Cgroups cgroups, String name, PodLimits limits, Path javaBin, List<String> extraJvmArgs)
            throws IOException, InterruptedException {
        try (Cgroup cgroup = cgroups.create(name + "-probe", limits)) {
            List<String> cmd = new ArrayList<>(List.of(javaBin.toString()));
            cmd.addAll(extraJvmArgs);
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), JvmErgonomics.class.getName()));
            return parse(run(cgroup.wrap(cmd), limits.environment()));
        }
    }

    static String run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("the JVM probe did not finish in " + PROBE_TIMEOUT_SECONDS + " s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("the JVM probe failed (exit " + p.exitValue() + "): " + out.strip());
        }
        return out;
    }

    /** Reads the {@code key=value} line {@link #main} prints (the JVM may print "Picked up JAVA_TOOL_OPTIONS" first). */
    static JvmErgonomics parse(String output) {
        Map<String, String> values = new HashMap<>();
        output.lines()
                .filter(l -> l.startsWith("ergonomics "))
                .flatMap(l -> List.of(l.substring("ergonomics ".length()).split(" ")).stream())
                .forEach(kv -> values.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1)));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no ergonomics line in the probe's output: " + output.strip());
        }
        return new JvmErgonomics(
                Integer.parseInt(values.get("availableProcessors")),
                Long.parseLong(values.get("maxHeapBytes")),
                values.get("gc"),
                Integer.parseInt(values.get("parallelGcThreads")),
                Integer.parseInt(values.get("eventLoopThreads")),
                Integer.parseInt(values.get("carrierParallelism")),
                Integer.parseInt(values.get("commonPoolParallelism")));
    }

    /** This JVM's own figures. */
    static JvmErgonomics ofThisJvm() {
        int cpus = Runtime.getRuntime().availableProcessors();
        String carriers = System.getProperty("jdk.virtualThreadScheduler.parallelism");
        String loops = System.getProperty("reactor.netty.ioWorkerCount");
        var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        return new JvmErgonomics(
                cpus,
                Runtime.getRuntime().maxMemory(),
                gcName(ManagementFactory.getGarbageCollectorMXBeans()),
                Integer.parseInt(hotspot.getVMOption("ParallelGCThreads").getValue()),
                loops != null ? Integer.parseInt(loops) : Math.max(cpus, REACTOR_MIN_EVENT_LOOPS),
                carriers != null ? Integer.parseInt(carriers) : cpus,
                ForkJoinPool.getCommonPoolParallelism());
    }

    static String gcName(List<GarbageCollectorMXBean> beans) {
        String names = beans.stream().map(GarbageCollectorMXBean::getName).collect(Collectors.joining(","));
        if (names.contains("G1")) {
            return "G1";
        }
        if (names.contains("ZGC")) {
            return "Z";
        }
        if (names.contains("Shenandoah")) {
            return "Shenandoah";
        }
        if (names.contains("PS ")) {
            return "Parallel";
        }
        if (names.contains("Copy") || names.contains("MarkSweepCompact")) {
            return "Serial";
        }
        return names.isEmpty() ? "Epsilon" : names.replace(' ', '_');
    }

    /**
     * Prints this JVM's figures as one {@code ergonomics key=value ...} line. With {@code spin N} it
     * first keeps N threads busy until its standard input closes (at most {@link #MAX_SPIN}), to be
     * throttled; with {@code touch MIB} it allocates and touches MIB of native memory, which only a
     * cgroup limit can stop (give {@code -XX:MaxDirectMemorySize} above it), to be OOM-killed.
     */
    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            int n = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "spin" -> spin(n);
                case "touch" -> touch(n);
                default -> throw new IllegalArgumentException("unknown probe action " + args[i]);
            }
        }
        JvmErgonomics e = ofThisJvm();
        System.out.printf(
                Locale.ROOT,
                "ergonomics availableProcessors=%d maxHeapBytes=%d gc=%s parallelGcThreads=%d eventLoopThreads=%d"
                        + " carrierParallelism=%d commonPoolParallelism=%d%n",
                e.availableProcessors,
                e.maxHeapBytes,
                e.gc,
                e.parallelGcThreads,
                e.eventLoopThreads,
                e.carrierParallelism,
                e.commonPoolParallelism);
    }

    /** The spin stops by itself after this, should nobody close its input. */
    static final java.time.Duration MAX_SPIN = java.time.Duration.ofSeconds(60);

    private static volatile boolean spinning;

    private static void spin(int threads) throws IOException, InterruptedException {
        spinning = true;
        List<Thread> spinners = new ArrayList<>();
        long end = System.nanoTime() + MAX_SPIN.toNanos();
        for (int t = 0; t < threads; t++) {
            spinners.add(Thread.ofPlatform().daemon().start(() -> {
                long x = 0;
                while (spinning && System.nanoTime() < end) {
                    x += x * 31 + 7;
                }
                sink = x;
            }));
        }
        System.out.println("spinning");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for EOF
        }
        spinning = false;
        for (Thread t : spinners) {
            t.join();
        }
    }

    private static volatile long sink;

    private static void touch(long mib) {
        List<java.nio.ByteBuffer> kept = new ArrayList<>();
        for (long i = 0; i < mib; i++) {
            // direct buffers: native memory the heap limit does not cap, so only the cgroup can stop it
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect((int) BYTES_PER_MIB);
            for (int p = 0; p < b.capacity(); p += PAGE) {
                b.put(p, (byte) 1);
            }
            kept.add(b);
        }
        sink = kept.size();
    }

    private static final int PAGE = 4096;
}
