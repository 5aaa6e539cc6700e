package lab.dashboard.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Server-side percentiles come from the bucket counts that changed between two scrapes. */
class BucketsTest {

    private static final double[] BOUNDS = {0.1, 0.2, 0.4, Double.POSITIVE_INFINITY};

    private static Distribution series(String status, long... cumulative) {
        return new Distribution(
                Map.of("status", status, "uri", "/api/io"), cumulative[cumulative.length - 1], 0, BOUNDS, cumulative);
    }

    @Test
    void onlyTheIntervalCountsAndSeriesAreSummed() {
        // before: 100 fast requests; during the interval: 10 more fast, 90 between 0.2 and 0.4 s
        List<Distribution> before = List.of(series("200", 100, 100, 100, 100));
        List<Distribution> after = List.of(series("200", 110, 110, 190, 190), series("503", 0, 0, 10, 10));

        Buckets b = Buckets.delta(before, after);

        assertThat(b.total()).isEqualTo(100);
        // 10 in (0, 0.1], 90 in (0.2, 0.4] (80 + the 10 errors): rank 50 is the 40th of those 90
        assertThat(b.quantile(0.5)).isCloseTo(0.2 + 0.2 * 40 / 90.0, within(1e-9));
        assertThat(b.quantile(0.99)).isCloseTo(0.2 + 0.2 * 89 / 90.0, within(1e-9));
        assertThat(b.quantile(0.05)).isCloseTo(0.1 * 5 / 10.0, within(1e-9));
    }

    @Test
    void aRankInTheInfBucketGivesTheHighestFiniteBound() {
        Buckets b = Buckets.delta(List.of(), List.of(series("200", 0, 0, 0, 5)));
        assertThat(b.quantile(0.99)).isEqualTo(0.4);
    }

    @Test
    void noObservationsNoQuantile() {
        List<Distribution> same = List.of(series("200", 3, 3, 3, 3));
        assertThat(Buckets.delta(same, same).quantile(0.5)).isNull();
    }

    @Test
    void aCounterThatWentDownMeansARestartAndSaysNothing() {
        assertThat(Buckets.delta(List.of(series("200", 9, 9, 9, 9)), List.of(series("200", 1, 1, 1, 1))))
                .isNull();
    }
}
