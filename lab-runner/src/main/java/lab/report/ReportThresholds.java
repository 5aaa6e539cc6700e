package lab.report;

/**
 * The judgement calls the narrative makes, in one place.
 *
 * @param plateauGrowth a step is on a plateau when, with users multiplied by k, throughput grew by
 *     less than this fraction of the (k - 1) a linear system would add (0.25: doubling users
 *     bought less than 25 % more throughput)
 * @param ceilingReached a step has reached the ceiling when its throughput is within this
 *     fraction of the best valid throughput
 * @param threadPoolMatch the ceiling is the thread pool's when it is within this fraction of
 *     {@code maxThreads / service time}
 * @param cpuBound the ceiling is CPU's when the app used at least this fraction of its CPUs
 * @param keptUp an open-model variant kept up when it achieved at least this fraction of the offered rate
 * @param queueingVisible client p99 this many times the server's own p99 means queueing the
 *     server cannot see
 */
record ReportThresholds(
        double plateauGrowth,
        double ceilingReached,
        double threadPoolMatch,
        double cpuBound,
        double keptUp,
        double queueingVisible) {

    static final ReportThresholds DEFAULTS = new ReportThresholds(0.25, 0.05, 0.10, 0.85, 0.97, 2.0);

    ReportThresholds {
        requireFraction("plateauGrowth", plateauGrowth);
        requireFraction("ceilingReached", ceilingReached);
        requireFraction("threadPoolMatch", threadPoolMatch);
        requireFraction("cpuBound", cpuBound);
        requireFraction("keptUp", keptUp);
        if (!(queueingVisible > 1)) {
            throw new IllegalArgumentException("queueingVisible must be > 1, was " + queueingVisible);
        }
    }

    private static void requireFraction(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), was " + value);
        }
    }
}
