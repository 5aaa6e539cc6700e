package lab.runner.sampling;

import java.util.Map;
import java.util.TreeMap;

/** Quantiles of a Prometheus histogram over a window: the difference of two cumulative scrapes. */
final class Histograms {

    private Histograms() {}

    /**
     * The {@code q} quantile (0..1) of the observations made between two scrapes, in the histogram's
     * unit, interpolated linearly inside the bucket it falls in (as Prometheus' histogram_quantile
     * does); null when nothing was observed. A quantile in the {@code +Inf} bucket is the highest
     * finite bound.
     */
    static Double quantile(TreeMap<Double, Double> before, TreeMap<Double, Double> after, double q) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        for (Map.Entry<Double, Double> e : after.entrySet()) {
            delta.put(e.getKey(), Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0.0)));
        }
        if (delta.isEmpty()) {
            return null;
        }
        double total = delta.lastEntry().getValue();
        if (total <= 0) {
            return null;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> e : delta.entrySet()) {
            if (e.getValue() >= rank) {
                if (Double.isInfinite(e.getKey())) {
                    return lowerBound;
                }
                double inBucket = e.getValue() - lowerCount;
                double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                return lowerBound + (e.getKey() - lowerBound) * fraction;
            }
            lowerBound = e.getKey();
            lowerCount = e.getValue();
        }
        return lowerBound;
    }
}
