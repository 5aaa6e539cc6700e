package lab.dashboard.scrape;

import java.util.Map;

/**
 * One series of a timer as scraped: a Prometheus histogram (cumulative buckets) or, for a timer
 * without a histogram, a summary (count and sum only, no buckets).
 *
 * @param upperBounds bucket upper bounds in seconds, ascending ({@code +Inf} included when sent)
 * @param cumulativeCounts observations at or below each bound
 */
record Distribution(Map<String, String> labels, long count, double sum, double[] upperBounds, long[] cumulativeCounts) {

    String label(String name) {
        return labels.getOrDefault(name, "");
    }
}
