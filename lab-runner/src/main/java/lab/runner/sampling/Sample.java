package lab.runner.sampling;

/**
 * One second's reading during a run: the app's meters, {@code /proc} of the app, the stub and the
 * load generator (null when not running or gone), how busy the app's CPUs were so far whoever used
 * them (seconds; negative when unknown), the CPU time of the app's GC threads so far, and the app's
 * cgroup counters (null without a cgroup).
 *
 * @param scrapeFailed the app did not answer its Prometheus scrape (then {@code scrape} is empty)
 */
public record Sample(
        long epochMs,
        Scrape scrape,
        boolean scrapeFailed,
        ProcStats app,
        ProcStats stub,
        ProcStats loadGen,
        double appCpusBusySeconds,
        Double gcCpuSeconds,
        CgroupReading cgroup) {}
