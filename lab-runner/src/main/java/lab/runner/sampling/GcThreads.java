package lab.runner.sampling;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * CPU time of a JVM's garbage-collector threads, from the kernel's per-thread counters. The
 * thread ids are looked up by name now and then (G1 starts workers on demand), not every second:
 * a JVM with 10,000 threads would make the lookup itself expensive.
 */
final class GcThreads {

    /** Name prefixes of HotSpot's GC threads (G1, Parallel, Serial's VM thread, ZGC, Shenandoah). */
    static final List<String> NAME_PREFIXES =
            List.of("GC Thread", "G1 ", "VM Thread", "ZWorker", "ZDriver", "ZDirector", "Shenandoah");

    private static final Duration REFRESH = Duration.ofSeconds(10);

    private final ProcReader proc;
    private final long pid;
    private List<Long> tids = List.of();
    private long refreshedAt;

    GcThreads(ProcReader proc, long pid) {
        this.proc = proc;
        this.pid = pid;
    }

    /** CPU seconds the GC threads alive now have used; empty when /proc cannot tell. */
    synchronized Optional<Double> cpuSeconds() {
        long now = System.nanoTime();
        if (tids.isEmpty() || now - refreshedAt > REFRESH.toNanos()) {
            tids = proc.threadIds(pid, name -> NAME_PREFIXES.stream().anyMatch(name::startsWith));
            refreshedAt = now;
        }
        if (tids.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(proc.threadCpuSeconds(pid, tids));
    }
}
