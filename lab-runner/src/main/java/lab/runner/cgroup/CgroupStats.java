package lab.runner.cgroup;

/**
 * One reading of a cgroup's own counters. A counter the mechanism cannot read is {@link #UNKNOWN}.
 * Cumulative counters (CPU time, periods, throttling, OOM kills) are since the cgroup was made;
 * {@link #minus} turns two readings into what happened between them.
 *
 * @param nanoTime {@link System#nanoTime()} when read, for rates over an interval
 * @param cpu      CFS bandwidth control: {@code cpu.stat} and CPU usage
 * @param memory   the memory controller: usage, peak, limit, OOM kills
 */
public record CgroupStats(long nanoTime, Cpu cpu, Memory memory) {

    /** A counter this mechanism or kernel does not provide. */
    public static final long UNKNOWN = -1;

    /**
     * @param usageNanos      CPU time used by every process in the cgroup ({@code cpuacct.usage}, v2 {@code usage_usec})
     * @param periods         enforcement periods in which the cgroup ran ({@code nr_periods})
     * @param throttledPeriods periods in which it used up its quota and was stopped ({@code nr_throttled})
     * @param throttledNanos  time its threads were stopped for lack of quota ({@code throttled_time}, v2 {@code throttled_usec})
     */
    public record Cpu(long usageNanos, long periods, long throttledPeriods, long throttledNanos) {

        /** Share of periods that were throttled, 0..1, or NaN when none ran. */
        public double throttledShare() {
            return periods > 0 && throttledPeriods >= 0 ? (double) throttledPeriods / periods : Double.NaN;
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(
                    delta(usageNanos, earlier.usageNanos),
                    delta(periods, earlier.periods),
                    delta(throttledPeriods, earlier.throttledPeriods),
                    delta(throttledNanos, earlier.throttledNanos));
        }
    }

    /**
     * @param usageBytes memory charged to the cgroup now (page cache included, as the OOM killer counts it)
     * @param peakBytes  the most it was charged since creation or the last {@link Cgroup#resetPeak()}
     *                   ({@code memory.max_usage_in_bytes}, v2 {@code memory.peak})
     * @param limitBytes the limit in force
     * @param oomKills   processes the kernel OOM-killed in it ({@code oom_kill} in {@code memory.oom_control} / {@code memory.events})
     */
    public record Memory(long usageBytes, long peakBytes, long limitBytes, long oomKills) {

        /** Peak as a share of the limit, 0..1, or NaN when unknown. */
        public double peakShare() {
            return peakBytes >= 0 && limitBytes > 0 ? (double) peakBytes / limitBytes : Double.NaN;
        }
    }

    /**
     * What happened between {@code earlier} and this reading: cumulative counters become deltas; memory
     * usage and peak stay this reading's (a peak is not additive), OOM kills become the kills in between.
     */
    public CgroupStats minus(CgroupStats earlier) {
        return new CgroupStats(
                nanoTime - earlier.nanoTime,
                cpu.minus(earlier.cpu),
                new Memory(
                        memory.usageBytes,
                        memory.peakBytes,
                        memory.limitBytes,
                        delta(memory.oomKills, earlier.memory.oomKills)));
    }

    /**
     * CPUs used on average over a {@link #minus} interval ({@code nanoTime} is then the interval's length):
     * 0.5 means half a CPU; NaN when unknown.
     */
    public double cpusUsed() {
        return cpu.usageNanos >= 0 && nanoTime > 0 ? (double) cpu.usageNanos / nanoTime : Double.NaN;
    }

    private static long delta(long later, long earlier) {
        return later < 0 || earlier < 0 ? UNKNOWN : later - earlier;
    }
}
