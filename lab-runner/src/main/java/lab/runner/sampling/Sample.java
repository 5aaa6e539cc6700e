package lab.runner.sampling;

/**
 * One second's reading during a run: the app's meters, {@code /proc} of the app, the stub and the
 * load generator (null when not running or gone), how busy the app's CPUs were so far whoever used
 * them (seconds; negative when unknown), the CPU time of the app's GC threads so far, and the app's
 * cgroup counters (null without a cgroup).
 *
 * <p>The {@code /proc} and cgroup figures are read at {@code epochMs}, every second whatever the app
 * does; the scrape runs on its own thread (it can wait seconds in a saturated server's queue) and
 * each sample carries the last one the app answered, taken at {@code scrapedAtMs}.
 *
 * @param scrape the last answered Prometheus scrape ({@link Scrape#EMPTY} before the first)
 * @param scrapeFailed a scrape went unanswered since the previous sample
 * @param scrapedAtMs when {@code scrape} was taken; -1 with none
 */
public record Sample(
        long epochMs,
        Scrape scrape,
        boolean scrapeFailed,
        long scrapedAtMs,
        ProcStats app,
        ProcStats stub,
        ProcStats loadGen,
        double appCpusBusySeconds,
        Double gcCpuSeconds,
        CgroupReading cgroup) {}
