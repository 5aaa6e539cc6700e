package lab.dashboard.scrape;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The observations that fell into each bucket between two scrapes, summed over every series of a
 * histogram, and quantiles from them the way Prometheus' {@code histogram_quantile} computes them
 * (linear interpolation inside the bucket that holds the rank).
 */
final class Buckets {

    /** Cumulative count at each upper bound (seconds), for the interval only. */
    private final TreeMap<Double, Long> cumulative = new TreeMap<>();

    private Buckets() {}

    /**
     * {@code current - previous}, per bound, over the series that {@code current} has; a series
     * absent from {@code previous} started during the interval (counts from zero). Returns null
     * when a count went down (the app restarted): that interval says nothing.
     */
    static Buckets delta(List<Distribution> previous, List<Distribution> current) {
        Map<Map<String, String>, Distribution> before = new java.util.HashMap<>();
        previous.forEach(d -> before.put(d.labels(), d));
        Buckets b = new Buckets();
        for (Distribution now : current) {
            Distribution then = before.get(now.labels());
            for (int i = 0; i < now.upperBounds().length; i++) {
                long was = then == null ? 0 : countAt(then, now.upperBounds()[i]);
                long delta = now.cumulativeCounts()[i] - was;
                if (delta < 0) {
                    return null;
                }
                b.cumulative.merge(now.upperBounds()[i], delta, Long::sum);
            }
        }
        return b;
    }

    private static long countAt(Distribution d, double bound) {
        double[] bounds = d.upperBounds();
        for (int i = 0; i < bounds.length; i++) {
            if (bounds[i] == bound) {
                return d.cumulativeCounts()[i];
            }
        }
        return 0;
    }

    long total() {
        return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }

    /**
     * The {@code q}-quantile in seconds, or null when nothing was observed. Inside the bucket that
     * holds the rank the value is interpolated linearly; a rank in the {@code +Inf} bucket gives
     * the highest finite bound (as Prometheus does).
     */
    Double quantile(double q) {
        long total = total();
        if (total == 0) {
            return null;
        }
        double rank = q * total;
        double lowerBound = 0;
        long lowerCount = 0;
        double highestFinite = 0;
        for (var e : cumulative.entrySet()) {
            double bound = e.getKey();
            long count = e.getValue();
            if (Double.isInfinite(bound)) {
                return highestFinite;
            }
            highestFinite = bound;
            if (count >= rank) {
                long inBucket = count - lowerCount;
                if (inBucket == 0) {
                    return bound;
                }
                return lowerBound + (bound - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = bound;
            lowerCount = count;
        }
        return highestFinite;
    }
}
