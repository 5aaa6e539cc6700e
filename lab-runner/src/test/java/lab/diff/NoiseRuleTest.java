package lab.diff;

import static org.assertj.core.api.Assertions.assertThat;

import lab.diff.Change.Call;
import lab.diff.Change.Evidence;
import lab.runrecord.StepRun.Figure;
import org.junit.jupiter.api.Test;

class NoiseRuleTest {

    private static Figure repeats(double median, double min, double max) {
        return new Figure(median, min, max, 3, 0.03);
    }

    private static Figure single(double value, Double cv) {
        return new Figure(value, value, value, 1, cv);
    }

    @Test
    void aDropWithApartRangesBeyondTheFloorIsWorse() {
        Change c = NoiseRule.judge(Metric.THROUGHPUT, repeats(1000, 995, 1005), repeats(800, 796, 804), null);
        assertThat(c.call()).isEqualTo(Call.WORSE);
        assertThat(c.evidence()).isEqualTo(Evidence.REPEATS);
        assertThat(c.relative()).isCloseTo(-0.2, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void overlappingRangesAreNoiseHoweverLargeTheMedianChange() {
        Change c = NoiseRule.judge(Metric.THROUGHPUT, repeats(1000, 700, 1300), repeats(1200, 1100, 1400), null);
        assertThat(c.call()).isEqualTo(Call.NOISE);
        assertThat(c.why()).isEqualTo("ranges overlap");
    }

    @Test
    void apartRangesUnderTheFloorAreNoise() {
        Change c = NoiseRule.judge(Metric.THROUGHPUT, repeats(1000, 998, 1002), repeats(1030, 1028, 1032), null);
        assertThat(c.call()).isEqualTo(Call.NOISE);
        assertThat(c.why()).contains("under the 5 % floor");
    }

    @Test
    void directionDependsOnTheMetric() {
        assertThat(NoiseRule.judge(Metric.P99, repeats(100, 98, 102), repeats(130, 128, 132), null)
                        .call())
                .isEqualTo(Call.WORSE);
        assertThat(NoiseRule.judge(
                                Metric.CPU_PER_REQUEST, repeats(0.2, 0.199, 0.201), repeats(0.15, 0.149, 0.151), null)
                        .call())
                .isEqualTo(Call.BETTER);
        assertThat(NoiseRule.judge(Metric.THROUGHPUT, repeats(1000, 995, 1005), repeats(1200, 1195, 1205), null)
                        .call())
                .isEqualTo(Call.BETTER);
    }

    @Test
    void p99NeedsTenPercent() {
        // apart ranges, +8 %: beyond throughput's floor but not p99's
        Change c = NoiseRule.judge(Metric.P99, repeats(100, 99, 101), repeats(108, 107, 109), null);
        assertThat(c.call()).isEqualTo(Call.NOISE);
        assertThat(c.why()).contains("10 %");
    }

    @Test
    void aSingleRepeatFallsBackToTwicePerSecondCv() {
        // CV 4 % -> threshold max(5 %, 8 %) = 8 %
        Change worse = NoiseRule.judge(Metric.THROUGHPUT, single(1000, 0.03), single(900, 0.04), null);
        assertThat(worse.call()).isEqualTo(Call.WORSE);
        assertThat(worse.evidence()).isEqualTo(Evidence.PER_SECOND);
        assertThat(worse.why()).contains("threshold 8 %");

        Change noise = NoiseRule.judge(Metric.THROUGHPUT, single(1000, 0.03), single(930, 0.04), null);
        assertThat(noise.call()).isEqualTo(Call.NOISE);
        assertThat(noise.evidence()).isEqualTo(Evidence.PER_SECOND);
    }

    @Test
    void oneSideWithRepeatsAndOneWithoutStillUsesTheFallback() {
        // the larger CV is A's 3 %: threshold max(5 %, 6 %) = 6 %, and -7 % reaches it
        Change c = NoiseRule.judge(Metric.THROUGHPUT, repeats(1000, 999, 1001), single(930, 0.01), null);
        assertThat(c.evidence()).isEqualTo(Evidence.PER_SECOND);
        assertThat(c.call()).isEqualTo(Call.WORSE);
    }

    @Test
    void aSingleRepeatWithoutPerSecondSeriesIsNotJudged() {
        Change c = NoiseRule.judge(Metric.P99, single(100, null), single(300, null), null);
        assertThat(c.call()).isEqualTo(Call.NOT_JUDGED);
        assertThat(c.why()).contains("noise unknown");
    }

    @Test
    void invalidStepsAndMissingFiguresAreNeverJudged() {
        Change invalid = NoiseRule.judge(Metric.THROUGHPUT, repeats(1000, 995, 1005), repeats(500, 495, 505), "B");
        assertThat(invalid.call()).isEqualTo(Call.NOT_JUDGED);
        assertThat(invalid.relative()).isEqualTo(-0.5);
        assertThat(invalid.why()).isEqualTo("step invalid in B");

        assertThat(NoiseRule.judge(Metric.CPU_PER_REQUEST, null, repeats(1, 1, 1), null)
                        .call())
                .isEqualTo(Call.NOT_JUDGED);
        assertThat(NoiseRule.judge(Metric.THROUGHPUT, repeats(0, 0, 0), repeats(10, 9, 11), null)
                        .call())
                .isEqualTo(Call.NOT_JUDGED);
    }
}
