package lab.runner.sampling;

/**
 * The app's cgroup counters at one instant (cumulative since the cgroup was made, except usage).
 *
 * @param periods CFS enforcement periods elapsed
 * @param throttledPeriods periods in which the quota ran out
 * @param throttledSeconds total time the cgroup's threads were throttled
 * @param memoryUsageMiB memory charged to the cgroup now
 * @param memoryLimitMiB its limit
 * @param oomKills processes the kernel killed for going past the limit
 */
public record CgroupReading(
        long periods,
        long throttledPeriods,
        double throttledSeconds,
        double memoryUsageMiB,
        double memoryLimitMiB,
        long oomKills) {}
