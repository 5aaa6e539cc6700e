package lab.runrecord;

import java.util.List;
import java.util.Map;

/**
 * One repeat of one step, over its steady window: what the client saw, what the app's meters and
 * {@code /proc} said, what the cgroup counted, and what the load side cost.
 *
 * @param repeat 1-based
 * @param gatlingReport the Gatling report holding this window, relative to the run folder
 * @param series one point per second of the window (time-series scenarios: the whole phase)
 */
public record Measurement(
        int repeat,
        Window window,
        Client client,
        Server server,
        App app,
        Cgroup cgroup,
        LoadSide loadSide,
        String gatlingReport,
        List<SecondPoint> series) {

    public Measurement {
        series = series == null ? List.of() : List.copyOf(series);
    }

    /** Absolute instants (ISO-8601) of the steady window and its length. */
    public record Window(String start, String end, double seconds) {}

    /**
     * What the load generator saw (latencies include any queueing before the app took the request).
     *
     * @param offeredRps open model: arrivals per second in the window; closed model: null
     * @param errors error classes and their counts
     */
    public record Client(
            double throughputRps, Double offeredRps, long ok, long ko, Map<String, Long> errors, Latency latency) {

        public Client {
            errors = errors == null ? Map.of() : Map.copyOf(errors);
        }
    }

    public record Latency(double meanMs, double p50Ms, double p95Ms, double p99Ms, double maxMs) {}

    /**
     * What the app's own timers saw: its {@code http.server.requests} (from the histogram's deltas
     * over the window), its downstream calls, and a health probe sent to it during the step.
     */
    public record Server(Double meanMs, Double p99Ms, Double downstreamMeanMs, Double healthProbeMs) {}

    /**
     * The app process and its JVM.
     *
     * @param cpuCores CPU seconds per wall second over the window
     * @param threadsBusyMax highest {@code tomcat.threads.busy} (thread-per-request)
     * @param eventLoopPendingMax highest {@code reactor.netty.eventloop.pending.tasks}
     * @param inFlightMax highest {@code lab.requests.in.progress}
     * @param executor the fan-out executor, null when the app has none
     * @param failedScrapes Actuator scrapes that got no answer during the window
     * @param threadStacks native memory of thread stacks (c10k), null otherwise
     */
    public record App(
            double cpuCores,
            Double cpuMsPerRequest,
            double rssMiB,
            int osThreads,
            Integer jvmThreadsLive,
            Double threadsBusyMax,
            Double eventLoopPendingMax,
            Double inFlightMax,
            Gc gc,
            Heap heap,
            ClientPool clientPool,
            Executor executor,
            Double contextSwitchesPerRequest,
            int failedScrapes,
            ThreadStacks threadStacks) {}

    /**
     * Thread stacks as the JVM's native memory tracking counts them (c10k only: NMT costs a little).
     *
     * @param reservedMiB address space reserved for stacks (what {@code ulimit -v} sees)
     * @param committedMiB stack memory actually touched (what RSS and a memory limit see)
     */
    public record ThreadStacks(int threads, double reservedMiB, double committedMiB) {}

    /**
     * The JVM's own GC counters over the window.
     *
     * @param pauseShare share of wall time spent in GC pauses ({@code jvm.gc.pause} sum delta / seconds),
     *     null when fewer than two scrapes of the window were answered (a JVM deep in GC stops
     *     answering: unknown, not zero)
     * @param cpuShare share of the app's CPU spent by GC threads, when the JVM reports it
     * @param pauses pauses in the window, null when unknown as above
     */
    public record Gc(Double pauseShare, Double cpuShare, Long pauses, Double maxPauseMs) {}

    /**
     * @param usedMaxMiB highest heap in use
     * @param liveAfterGcMiB heap still live after the last collection (old generation after GC)
     * @param maxMiB the heap's maximum
     */
    public record Heap(Double usedMaxMiB, Double liveAfterGcMiB, Double maxMiB) {

        /** Share of the heap still live after GC: near 1 means the heap itself is the limit. */
        public Double liveShare() {
            return liveAfterGcMiB == null || maxMiB == null || maxMiB <= 0 ? null : liveAfterGcMiB / maxMiB;
        }
    }

    /** The app's downstream connection pool: highest active, pending and its maximum. */
    public record ClientPool(Double activeMax, Double pendingMax, Double maxConnections) {}

    /**
     * The fan-out executor: Spring Boot's {@code applicationTaskExecutor}, the bounded pool MVC
     * runs the parallel downstream calls of {@code /api/fanout} on (Micrometer's {@code executor.*}
     * meters with {@code name=applicationTaskExecutor}). Apps without that pool have none: WebFlux
     * (its calls are merged on the event loop) and MVC on virtual threads (a virtual thread per call).
     *
     * @param activeMax highest {@code executor.active}: threads running a call
     * @param queuedMax highest {@code executor.queued}: calls waiting for a thread
     * @param maxThreads {@code executor.pool.max}: the pool's maximum
     */
    public record Executor(Double activeMax, Double queuedMax, Double maxThreads) {}

    /**
     * The app's cgroup counters over the window (null when no cgroup was used).
     *
     * @param throttledShare throttled periods / periods
     */
    public record Cgroup(
            double throttledShare,
            double throttledSeconds,
            double memoryPeakMiB,
            double memoryLimitMiB,
            long oomKills) {}

    /**
     * What the load side cost during the window, to check it was not the limit.
     *
     * @param loadCpuBudget cores the load side had
     * @param foreignCpuOnAppCores CPU other processes used on the app's CPUs
     * @param stubOverheadMs the stub's answer to the lab's probe, above its delay (median of the window's probes)
     */
    public record LoadSide(
            double gatlingCpuCores,
            Double gatlingCpuMsPerRequest,
            double stubCpuCores,
            Double stubCpuMsPerRequest,
            double loadCpuBudget,
            Double stubOverheadMs,
            double foreignCpuOnAppCores) {}

    /**
     * One second of a step; every figure null when unknown.
     *
     * @param t seconds since the window started
     */
    public record SecondPoint(
            double t,
            Double offeredRps,
            Double throughputRps,
            Double p50Ms,
            Double p99Ms,
            Long ko,
            Double appCpuCores,
            Double rssMiB,
            Double threadsLive,
            Double threadsBusy,
            Double inFlight,
            Double eventLoopPending,
            Double throttledShare,
            Double gatlingCpuCores,
            Double stubCpuCores,
            Double healthProbeMs) {}
}
