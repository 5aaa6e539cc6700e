package lab.report;

/**
 * The judgement calls the reading makes, in one place.
 *
 * @param plateauGrowth a step is on a plateau when, with users multiplied by k, throughput grew by
 *     less than this fraction of the (k - 1) a linear system would add (0.25: doubling users
 *     bought less than 25 % more throughput)
 * @param ceilingReached a step has reached the ceiling when its throughput is within this
 *     fraction of the best valid throughput
 * @param keptUp an open-model variant kept up when it achieved at least this fraction of the offered rate
 * @param queueingVisible client latency this many times the server's own means queueing the
 *     server cannot see
 * @param predictionMatch a step matches its model when measured / predicted is within this
 *     fraction of 1 (noise bands included)
 * @param recovered after a slowdown, or from a cold start, a variant is back when its rate is within
 *     this fraction of its steady rate
 * @param steadySeconds the window (in seconds) over which a cold start's rate must stay steady
 */
record ReportThresholds(
        double plateauGrowth,
        double ceilingReached,
        double keptUp,
        double queueingVisible,
        double predictionMatch,
        double recovered,
        int steadySeconds) {

    static final ReportThresholds DEFAULTS = new ReportThresholds(0.25, 0.05, 0.97, 2.0, 0.15, 0.10, 5);

    ReportThresholds {
        requireFraction("plateauGrowth", plateauGrowth);
        requireFraction("ceilingReached", ceilingReached);
        requireFraction("keptUp", keptUp);
        requireFraction("predictionMatch", predictionMatch);
        requireFraction("recovered", recovered);
        if (!(queueingVisible > 1)) {
            throw new IllegalArgumentException("queueingVisible must be > 1, was " + queueingVisible);
        }
        if (steadySeconds < 1) {
            throw new IllegalArgumentException("steadySeconds must be >= 1, was " + steadySeconds);
        }
    }

    private static void requireFraction(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), was " + value);
        }
    }
}
