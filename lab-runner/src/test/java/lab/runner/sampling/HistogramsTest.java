package lab.runner.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HistogramsTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    private static TreeMap<Double, Double> buckets(double... boundsAndCounts) {
        TreeMap<Double, Double> b = new TreeMap<>();
        for (int i = 0; i < boundsAndCounts.length; i += 2) {
            b.put(boundsAndCounts[i], boundsAndCounts[i + 1]);
        }
        return b;
    }

    /** Cumulative counts since the JVM started, at the window's start: the warm-up's requests. */
    private static final TreeMap<Double, Double> BEFORE = buckets(0.05, 10, 0.1, 20, 0.2, 25, 0.5, 25, INF, 25);

    /**
     * At the window's end. Over the window: 20 requests up to 50 ms, 80 in (50, 100], 80 in
     * (100, 200], 20 in (200, 500]: 200 in all.
     */
    private static final TreeMap<Double, Double> AFTER = buckets(0.05, 30, 0.1, 120, 0.2, 205, 0.5, 225, INF, 225);

    @Test
    void theQuantileOfTheWindowIsInterpolatedInsideItsBucket() {
        // p99: rank 198 of 200, 18 of the 20 into (0.2, 0.5]: 0.2 + 0.3 x 0.9 = 0.47
        assertThat(Histograms.quantile(BEFORE, AFTER, 0.99)).isCloseTo(0.47, within(1e-12));
        // p50: rank 100, 80 of the 80 into (0.05, 0.1]: its upper bound
        assertThat(Histograms.quantile(BEFORE, AFTER, 0.5)).isCloseTo(0.1, within(1e-12));
        // p30: rank 60, 40 of the 80 into (0.05, 0.1]: halfway
        assertThat(Histograms.quantile(BEFORE, AFTER, 0.3)).isCloseTo(0.075, within(1e-12));
        // p5: rank 10, half of the 20 in the first bucket, which starts at 0
        assertThat(Histograms.quantile(BEFORE, AFTER, 0.05)).isCloseTo(0.025, within(1e-12));
    }

    @Test
    void theRequestsBeforeTheWindowDoNotCount() {
        // the cumulative counts alone would put p99 at rank 222.75 of 225: 0.2 + 0.3 x 17.75 / 20
        double cumulative = Histograms.quantile(new TreeMap<>(), AFTER, 0.99);

        assertThat(cumulative).isCloseTo(0.46625, within(1e-12));
        assertThat(Histograms.quantile(BEFORE, AFTER, 0.99)).isNotCloseTo(cumulative, within(1e-6));
    }

    @Test
    void aQuantileBeyondTheLastFiniteBoundIsThatBound() {
        // 10 of 100 requests slower than 500 ms: p99 is somewhere above it, reported as 0.5
        TreeMap<Double, Double> slow = buckets(0.1, 50, 0.5, 90, INF, 100);

        assertThat(Histograms.quantile(new TreeMap<>(), slow, 0.99)).isEqualTo(0.5);
    }

    @Test
    void nothingObservedInTheWindowHasNoQuantile() {
        assertThat(Histograms.quantile(AFTER, AFTER, 0.99)).isNull();
        assertThat(Histograms.quantile(new TreeMap<>(), new TreeMap<>(), 0.99)).isNull();
    }

    @Test
    void countersThatWentBackwardsCountAsNothingNew() {
        // a restarted app: its counters start again from 0
        TreeMap<Double, Double> restarted = buckets(0.05, 0, 0.1, 0, 0.2, 10, 0.5, 10, INF, 10);

        assertThat(Histograms.quantile(BEFORE, restarted, 0.5)).isNull();
    }
}
