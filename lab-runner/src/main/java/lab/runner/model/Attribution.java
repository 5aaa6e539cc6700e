package lab.runner.model;

import java.util.Locale;
import lab.runrecord.Measurement;
import lab.runrecord.StepRun.Bottleneck;
import lab.runrecord.StepRun.Bottleneck.Cause;

/**
 * Names the one measured cause that limited a step, checked in an order that puts root causes
 * before their symptoms: a saturated load side or stub first (then the step says nothing about
 * the app), the memory limit, a heap full of live data, GC, a client pool that makes requests wait,
 * a fan-out executor with every thread busy (its calls wait), a thread pool at its maximum, the
 * CPU budget, an event loop with tasks waiting while its CPU had time to spare (it is blocked), and
 * finally the load itself (the closed model asked for no more).
 * When none of them holds, the step says so instead of guessing.
 *
 * @param loadSideShare share of the load side's CPUs that counts as saturated
 * @param liveHeapShare share of the heap still live after GC that counts as a full heap
 * @param gcPauseShare share of wall time in GC pauses that counts as GC-bound
 * @param gcCpuShare share of the app's CPU spent in GC threads that counts as GC-bound
 * @param busyThreadsShare busy threads / max threads that counts as an exhausted pool (the request
 *     threads' or the fan-out executor's)
 * @param eventLoopPending pending event-loop tasks that count as a busy event loop
 * @param cpuShare app CPU / budget that counts as CPU-bound
 * @param memoryShare memory peak / limit that counts as memory-bound
 * @param loadShare throughput / users-over-latency that counts as "the load asked for no more"
 */
public record Attribution(
        double loadSideShare,
        double liveHeapShare,
        double gcPauseShare,
        double gcCpuShare,
        double busyThreadsShare,
        double eventLoopPending,
        double cpuShare,
        double memoryShare,
        double loadShare) {

    /**
     * GC counts as the limit only when it takes a large share (a loaded JVM on one CPU spends a few
     * per cent in young pauses as a matter of course: that is part of its CPU cost, not the limit);
     * the CPU counts from 85 % of its budget (a sampled average just below 90 % is a saturated CPU
     * on its way up); the event loop only when a real queue forms, as it does when blocking calls
     * hold its threads.
     */
    public static final Attribution DEFAULTS = new Attribution(0.9, 0.85, 0.15, 0.30, 0.98, 100, 0.85, 0.95, 0.9);

    /**
     * What the attribution looks at, for one measurement.
     *
     * @param cpuBudgetCores the app's CPU budget (quota or CPUs)
     * @param maxThreads the threads that each hold a request for its whole downstream wait, when
     *     they are a fixed pool (Tomcat's; WebFlux's event loop or bounded elastic scheduler when
     *     the call blocks); null when there is none
     * @param threads what those threads are: {@value #TOMCAT}, {@value #EVENT_LOOP_THREADS} or
     *     {@value #BOUNDED_ELASTIC}
     * @param littlesLawRps what the load asks for: users / (delay + overhead), or the offered rate
     * @param stubSlow the stub answered slower than tolerated
     */
    public record Evidence(
            Measurement m,
            double cpuBudgetCores,
            Integer maxThreads,
            String threads,
            Double littlesLawRps,
            boolean stubSlow) {

        public Evidence(
                Measurement m, double cpuBudgetCores, Integer maxThreads, Double littlesLawRps, boolean stubSlow) {
            this(m, cpuBudgetCores, maxThreads, TOMCAT, littlesLawRps, stubSlow);
        }
    }

    public static final String TOMCAT = "Tomcat";
    public static final String EVENT_LOOP_THREADS = "event-loop";
    public static final String BOUNDED_ELASTIC = "bounded-elastic";

    public Bottleneck attribute(Evidence e) {
        Measurement.App app = e.m().app();
        Measurement.LoadSide load = e.m().loadSide();
        Measurement.Cgroup cgroup = e.m().cgroup();
        double loadSide = load.gatlingCpuCores() + load.stubCpuCores();
        if (load.loadCpuBudget() > 0 && loadSide >= loadSideShare * load.loadCpuBudget()) {
            return of(
                    Cause.LOAD_SIDE,
                    fmt(
                            "Gatling %.2f + stub %.2f of the load side's %.2f CPU",
                            load.gatlingCpuCores(), load.stubCpuCores(), load.loadCpuBudget()),
                    loadSide / load.loadCpuBudget());
        }
        if (e.stubSlow()) {
            return of(Cause.STUB, fmt("stub answered %.0f ms above its delay", load.stubOverheadMs()), null);
        }
        if (cgroup != null && cgroup.memoryLimitMiB() > 0) {
            double share = cgroup.memoryPeakMiB() / cgroup.memoryLimitMiB();
            if (cgroup.oomKills() > 0 || share >= memoryShare) {
                return of(
                        Cause.MEMORY_LIMIT,
                        fmt(
                                "memory %.0f of %.0f MiB%s",
                                cgroup.memoryPeakMiB(),
                                cgroup.memoryLimitMiB(),
                                cgroup.oomKills() > 0 ? ", OOM-killed" : ""),
                        share);
            }
        }
        Double live = app.heap() == null ? null : app.heap().liveShare();
        if (live != null && live >= liveHeapShare) {
            return of(
                    Cause.HEAP,
                    fmt(
                            "%.0f of %.0f MiB of heap still live after GC",
                            app.heap().liveAfterGcMiB(), app.heap().maxMiB()),
                    live);
        }
        Measurement.Gc gc = app.gc();
        if (gc != null
                && ((gc.pauseShare() != null && gc.pauseShare() >= gcPauseShare)
                        || (gc.cpuShare() != null && gc.cpuShare() >= gcCpuShare))) {
            return of(
                    Cause.GC,
                    fmt(
                            "GC pauses %s of wall time, GC threads %s of the app's CPU",
                            gc.pauseShare() == null ? "?" : fmt("%.0f %%", gc.pauseShare() * 100),
                            gc.cpuShare() == null ? "?" : fmt("%.0f %%", gc.cpuShare() * 100)),
                    Math.max(gc.pauseShare() == null ? 0 : gc.pauseShare(), gc.cpuShare() == null ? 0 : gc.cpuShare()));
        }
        // calls waiting count only near the pool's size (or with the size unknown): Reactor Netty
        // counts an acquire as pending while the new connection it opens is still connecting, so a
        // few calls "wait" at 400 of 10,000 connections whenever the load grows
        Measurement.ClientPool pool = app.clientPool();
        boolean poolKnown = pool != null && pool.maxConnections() != null && pool.maxConnections() > 0;
        boolean nearPoolSize = !poolKnown
                || (pool.activeMax() != null && pool.activeMax() >= busyThreadsShare * pool.maxConnections());
        if (pool != null
                && ((pool.pendingMax() != null && pool.pendingMax() >= 1 && nearPoolSize)
                        || (poolKnown && pool.activeMax() != null && pool.activeMax() >= pool.maxConnections()))) {
            return of(
                    Cause.CLIENT_POOL,
                    fmt(
                            "client pool %.0f of %.0f connections in use, up to %.0f calls waiting",
                            nz(pool.activeMax()), nz(pool.maxConnections()), nz(pool.pendingMax())),
                    pool.maxConnections() == null || pool.maxConnections() <= 0
                            ? null
                            : nz(pool.activeMax()) / pool.maxConnections());
        }
        // MVC's fan-out executor: each request's parallel calls wait for its threads, so a full executor
        // holds the request threads too (their pool may also read full: a symptom); a small client pool
        // above is what would keep the executor's threads busy, so it is checked first
        Measurement.Executor executor = app.executor();
        if (executor != null
                && executor.activeMax() != null
                && executor.maxThreads() != null
                && executor.maxThreads() > 0
                && executor.activeMax() / executor.maxThreads() >= busyThreadsShare) {
            return of(
                    Cause.FANOUT_EXECUTOR,
                    fmt(
                            "fan-out executor %.0f of %.0f threads busy%s",
                            Math.min(executor.activeMax(), executor.maxThreads()),
                            executor.maxThreads(),
                            executor.queuedMax() == null ? "" : fmt(", up to %.0f calls queued", executor.queuedMax())),
                    Math.min(1, executor.activeMax() / executor.maxThreads()));
        }
        // busy threads: Tomcat counts its own; elsewhere each request in progress holds one of them
        Double busy = TOMCAT.equals(e.threads()) ? app.threadsBusyMax() : app.inFlightMax();
        if (e.maxThreads() != null && busy != null) {
            double share = busy / e.maxThreads();
            if (share >= busyThreadsShare) {
                boolean loop = EVENT_LOOP_THREADS.equals(e.threads());
                return of(
                        loop ? Cause.EVENT_LOOP : Cause.THREAD_POOL,
                        loop
                                ? fmt(
                                        "all %d event-loop threads held by blocking calls (%.0f in progress)",
                                        e.maxThreads(), busy)
                                : fmt(
                                        "%.0f of %d %s threads busy",
                                        Math.min(busy, e.maxThreads()), e.maxThreads(), e.threads()),
                        Math.min(1, share));
            }
        }
        double cpu = app.cpuCores() / e.cpuBudgetCores();
        boolean throttled = cgroup != null && cgroup.throttledShare() >= cpuShare;
        if (cpu >= cpuShare || throttled) {
            return of(
                    Cause.CPU,
                    throttled
                            ? fmt(
                                    "CPU %.2f of %.2f cores, throttled in %.0f %% of periods",
                                    app.cpuCores(), e.cpuBudgetCores(), cgroup.throttledShare() * 100)
                            : fmt("CPU %.2f of %.2f cores", app.cpuCores(), e.cpuBudgetCores()),
                    Math.min(1, cpu));
        }
        if (e.littlesLawRps() != null && e.littlesLawRps() > 0) {
            double share = e.m().client().throughputRps() / e.littlesLawRps();
            if (share >= loadShare) {
                return of(
                        Cause.LOAD,
                        fmt(
                                "%.0f rps = %.0f %% of what the load asks (%.0f rps)",
                                e.m().client().throughputRps(), share * 100, e.littlesLawRps()),
                        share);
            }
        }
        // last: tasks wait on an event loop whose CPU is full as a symptom of the CPU, and queue briefly
        // while the load gets all it asks for; with CPU to spare and the load short, they wait because
        // the loop is blocked (a blocking call on it): the cause itself
        if (app.eventLoopPendingMax() != null && app.eventLoopPendingMax() >= eventLoopPending) {
            return of(
                    Cause.EVENT_LOOP,
                    fmt("up to %.0f tasks waiting for the event loop", app.eventLoopPendingMax()),
                    null);
        }
        return of(
                Cause.UNEXPLAINED,
                fmt(
                        "no measured limit: CPU %.2f of %.2f, %s",
                        app.cpuCores(),
                        e.cpuBudgetCores(),
                        e.littlesLawRps() == null
                                ? "no load prediction"
                                : fmt("%.0f of %.0f rps asked", e.m().client().throughputRps(), e.littlesLawRps())),
                null);
    }

    private static Bottleneck of(Cause cause, String figure, Double value) {
        return new Bottleneck(cause, figure, value);
    }

    private static double nz(Double v) {
        return v == null ? 0 : v;
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
