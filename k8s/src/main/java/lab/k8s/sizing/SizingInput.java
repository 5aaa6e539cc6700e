package lab.k8s.sizing;

import static lab.k8s.units.Quantities.KIB;
import static lab.k8s.units.Quantities.MIB;

/**
 * What the sizing calculator needs to know about one JVM container.
 *
 * <p>The non-heap estimates are for a Spring Boot 4 app with Actuator and the Prometheus registry on
 * JDK 25, measured with Native Memory Tracking ({@code -XX:NativeMemoryTracking=summary}, then
 * {@code jcmd <pid> VM.native_memory summary}) and rounded up; measure your own app the same way
 * and pass the numbers in when they differ.
 *
 * @param memoryLimitBytes  the container memory limit (the cgroup limit the OOM killer enforces)
 * @param heapPercent       {@code -XX:MaxRAMPercentage}; ignored when {@code heapBytes} is positive
 * @param heapBytes         {@code -Xmx} when set explicitly, else 0
 * @param stackBytes        {@code -Xss}: what each platform thread reserves (virtual memory)
 * @param requestThreads    platform threads that serve requests (Tomcat {@code threads.max})
 * @param otherThreads      every other platform thread: JVM (GC, JIT, VM), server acceptor/poller, pools
 * @param touchedStackBytes stack a blocked request thread actually touches (resident, counted in RSS)
 * @param metaspaceBytes    metaspace plus compressed class space, committed
 * @param codeCacheBytes    JIT code cache committed after warm-up (reserved is 240 MiB, mostly untouched)
 * @param directBytes       NIO direct buffers (Netty pools, socket buffers)
 * @param otherNativeBytes  symbol tables, CDS archive, GC and JIT bookkeeping, libjvm itself, malloc arenas
 * @param gcOverheadPercent GC data structures (card table, remembered sets) as a percentage of the heap
 */
public record SizingInput(
        long memoryLimitBytes,
        double heapPercent,
        long heapBytes,
        long stackBytes,
        int requestThreads,
        int otherThreads,
        long touchedStackBytes,
        long metaspaceBytes,
        long codeCacheBytes,
        long directBytes,
        long otherNativeBytes,
        double gcOverheadPercent) {

    /** The JVM's default {@code -Xss} on 64-bit Linux. */
    public static final long DEFAULT_STACK = MIB;
    /** The JVM's default {@code -XX:MaxRAMPercentage}. */
    public static final double DEFAULT_HEAP_PERCENT = 25;
    /**
     * Linux commits stack pages only when touched. NMT measured 113-120 KiB per Tomcat thread blocked
     * in a RestClient call (about 100 frames, JDK 25); the default adds 60% for deeper app code.
     */
    public static final long DEFAULT_TOUCHED_STACK = 192 * KIB;
    /** An idle Boot 4 app showed 32 threads; allow for JIT, GC workers and client pools under load. */
    public static final int DEFAULT_OTHER_THREADS = 40;
    /** An idle Boot 4 MVC app committed 40 MiB of class metadata; more classes load under traffic. */
    public static final long DEFAULT_METASPACE = 64 * MIB;
    /** 17 MiB idle; C2 compiles the hot paths under load. */
    public static final long DEFAULT_CODE_CACHE = 40 * MIB;

    public static final long DEFAULT_DIRECT = 16 * MIB;
    /** NMT idle: symbols 8, CDS 14, tracing 15, internal and other 5 MiB, plus libjvm text and malloc slack. */
    public static final long DEFAULT_OTHER_NATIVE = 48 * MIB;
    /** Serial GC's card table and bookkeeping: a few percent of the heap. */
    public static final double SERIAL_GC_OVERHEAD_PERCENT = 3;
    /** G1's remembered sets and card tables: measured 41 MiB for a 256 MiB heap (16%) on an idle MVC app. */
    public static final double G1_GC_OVERHEAD_PERCENT = 16;
    /**
     * JVM ergonomics pick G1 only on a "server class machine": 2+ CPUs and 1792 MiB+ of memory,
     * both as the container limits them; anything smaller gets the Serial collector.
     */
    public static final long SERVER_CLASS_MEMORY = 1792 * MIB;

    private static final long SERVER_CLASS_MILLICORES = 2000;
    private static final long MILLICORES_PER_CPU = 1000;

    private static final double PERCENT = 100;

    public SizingInput {
        requirePositive(memoryLimitBytes, "memory limit");
        requirePositive(stackBytes, "thread stack size");
        if (heapBytes <= 0 && (heapPercent <= 0 || heapPercent >= PERCENT)) {
            throw new IllegalArgumentException("heap percent must be between 0 and 100, was " + heapPercent);
        }
        if (requestThreads < 0 || otherThreads < 0) {
            throw new IllegalArgumentException("thread counts cannot be negative");
        }
        if (touchedStackBytes <= 0
                || metaspaceBytes < 0
                || codeCacheBytes < 0
                || directBytes < 0
                || otherNativeBytes < 0
                || gcOverheadPercent < 0) {
            throw new IllegalArgumentException("memory estimates cannot be negative");
        }
    }

    /**
     * The defaults above for everything but the four numbers a user usually knows; the collector
     * (and so its overhead) is the one the JVM picks for this memory limit with 2+ CPUs.
     */
    public static SizingInput of(long memoryLimitBytes, double heapPercent, long stackBytes, int requestThreads) {
        return of(memoryLimitBytes, 0, heapPercent, stackBytes, requestThreads);
    }

    /** As above, with the container's CPU limit in millicores (0 when unknown) to tell which collector runs. */
    public static SizingInput of(
            long memoryLimitBytes, long cpuMillis, double heapPercent, long stackBytes, int requestThreads) {
        return new SizingInput(
                memoryLimitBytes,
                heapPercent,
                0,
                stackBytes,
                requestThreads,
                DEFAULT_OTHER_THREADS,
                DEFAULT_TOUCHED_STACK,
                DEFAULT_METASPACE,
                DEFAULT_CODE_CACHE,
                DEFAULT_DIRECT,
                DEFAULT_OTHER_NATIVE,
                gcOverheadPercent(cpuMillis, memoryLimitBytes));
    }

    /** GC structures as a share of the heap for the collector JVM ergonomics choose; cpuMillis 0 = unknown (2+). */
    public static double gcOverheadPercent(long cpuMillis, long memoryLimitBytes) {
        boolean fewCpus = cpuMillis > 0
                && Math.ceilDiv(cpuMillis, MILLICORES_PER_CPU) * MILLICORES_PER_CPU < SERVER_CLASS_MILLICORES;
        return fewCpus || memoryLimitBytes < SERVER_CLASS_MEMORY ? SERIAL_GC_OVERHEAD_PERCENT : G1_GC_OVERHEAD_PERCENT;
    }

    /**
     * GC structures as a share of the heap for a collector named explicitly ({@link JvmFlags#gc()}),
     * or the ergonomic choice when {@code gc} is empty. Serial and Parallel keep a card table of a few
     * percent; G1 (and, counted alike, the concurrent collectors) add remembered sets.
     */
    public static double gcOverheadPercent(String gc, long cpuMillis, long memoryLimitBytes) {
        return switch (gc == null ? "" : gc) {
            case "" -> gcOverheadPercent(cpuMillis, memoryLimitBytes);
            case "Serial", "Parallel", "Epsilon" -> SERIAL_GC_OVERHEAD_PERCENT;
            default -> G1_GC_OVERHEAD_PERCENT;
        };
    }

    /** The same input with a given GC overhead, e.g. from an explicit {@code -XX:+UseG1GC}. */
    public SizingInput withGcOverheadPercent(double percent) {
        return new SizingInput(
                memoryLimitBytes,
                heapPercent,
                heapBytes,
                stackBytes,
                requestThreads,
                otherThreads,
                touchedStackBytes,
                metaspaceBytes,
                codeCacheBytes,
                directBytes,
                otherNativeBytes,
                percent);
    }

    public SizingInput withRequestThreads(int threads) {
        return new SizingInput(
                memoryLimitBytes,
                heapPercent,
                heapBytes,
                stackBytes,
                threads,
                otherThreads,
                touchedStackBytes,
                metaspaceBytes,
                codeCacheBytes,
                directBytes,
                otherNativeBytes,
                gcOverheadPercent);
    }

    /** The maximum heap the JVM will pick: {@code -Xmx} if given, else the percentage of the limit. */
    public long effectiveHeapBytes() {
        return heapBytes > 0 ? heapBytes : (long) (memoryLimitBytes * heapPercent / PERCENT);
    }

    private static void requirePositive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
    }
}
