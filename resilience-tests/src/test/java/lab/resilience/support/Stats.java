package lab.resilience.support;

import java.util.Collection;

/** Small summaries of reply timings. */
public final class Stats {

    private Stats() {}

    /** Median elapsed milliseconds; 0 for no replies. */
    public static long medianMillis(Collection<Reply> replies) {
        long[] sorted =
                replies.stream().mapToLong(Reply::elapsedMillis).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }
}
