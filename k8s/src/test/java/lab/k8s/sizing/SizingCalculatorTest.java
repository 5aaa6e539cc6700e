package lab.k8s.sizing;

import static lab.k8s.units.Quantities.KIB;
import static lab.k8s.units.Quantities.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizingCalculatorTest {

    @Test
    void reservedStacksCountTheFullXssWhileTypicalStacksCountOnlyTouchedPages() {
        SizingReport report = SizingCalculator.calculate(SizingInput.of(1024 * MIB, 50, MIB, 200));
        int threads = 200 + SizingInput.DEFAULT_OTHER_THREADS;

        assertThat(report.threads()).isEqualTo(threads);
        assertThat(report.reservedStackBytes()).isEqualTo(threads * MIB);
        assertThat(report.typicalStackBytes()).isEqualTo(threads * SizingInput.DEFAULT_TOUCHED_STACK);
        assertThat(report.worstCaseBytes() - report.typicalBytes())
                .isEqualTo(threads * (MIB - SizingInput.DEFAULT_TOUCHED_STACK));
        assertThat(report.heapBytes()).isEqualTo(512 * MIB);
    }

    @Test
    void aTightPodFitsTwoHundredThreadsAsMeasuredButNotOnPaper() {
        SizingReport report = SizingCalculator.calculate(SizingInput.of(384 * MIB, 35, MIB, 200));

        assertThat(report.fitsTypical(0.05)).isTrue();
        assertThat(report.fitsWorstCase(0)).isFalse();
        assertThat(report.render()).contains("fits as measured, not on paper");
    }

    @Test
    void maxThreadsIsWhereThePodRunsOutOfMemory() {
        SizingInput input = SizingInput.of(384 * MIB, 35, MIB, 200);
        SizingReport report = SizingCalculator.calculate(input);

        SizingReport atLimit = SizingCalculator.calculate(input.withRequestThreads((int) report.maxThreadsTypical()));
        SizingReport oneMore =
                SizingCalculator.calculate(input.withRequestThreads((int) report.maxThreadsTypical() + 1));

        assertThat(atLimit.typicalHeadroom()).isGreaterThanOrEqualTo(0);
        assertThat(oneMore.typicalHeadroom()).isNegative();
        assertThat(report.maxThreadsWorstCase()).isLessThan(report.maxThreadsTypical() / 4);
    }

    @Test
    void tenThousandPlatformThreadsAreTenGigabytesOnPaperButFitTwoGigabytesAsTouched() {
        SizingReport report = SizingCalculator.calculate(SizingInput.of(4096L * MIB, 25, MIB, 10_000));

        assertThat(report.reservedStackBytes()).isGreaterThan(10_000 * MIB);
        assertThat(report.typicalStackBytes()).isLessThan(2048 * MIB);
        assertThat(report.fitsWorstCase(0)).isFalse();
        assertThat(report.fitsTypical(0)).isTrue();
    }

    @Test
    void aSmallerXssRaisesTheWorstCaseCeilingButNotTheTypicalOne() {
        SizingReport oneMeg = SizingCalculator.calculate(SizingInput.of(512 * MIB, 40, MIB, 200));
        SizingReport halfMeg = SizingCalculator.calculate(SizingInput.of(512 * MIB, 40, 512 * KIB, 200));

        assertThat(halfMeg.maxThreadsWorstCase()).isGreaterThan(oneMeg.maxThreadsWorstCase());
        assertThat(halfMeg.maxThreadsTypical()).isEqualTo(oneMeg.maxThreadsTypical());
    }

    @Test
    void anOversizedHeapDoesNotFitAndSaysSo() {
        SizingReport report = SizingCalculator.calculate(SizingInput.of(384 * MIB, 90, MIB, 200));

        assertThat(report.fitsTypical(0)).isFalse();
        assertThat(report.render()).contains("does NOT fit", "OVER");
    }

    @Test
    void gcOverheadFollowsTheCollectorJvmErgonomicsPickForTheContainer() {
        assertThat(SizingInput.gcOverheadPercent(500, 4096 * MIB))
                .as("one CPU: Serial")
                .isEqualTo(SizingInput.SERIAL_GC_OVERHEAD_PERCENT);
        assertThat(SizingInput.gcOverheadPercent(4000, 1024 * MIB))
                .as("under 1792 MiB: Serial")
                .isEqualTo(SizingInput.SERIAL_GC_OVERHEAD_PERCENT);
        assertThat(SizingInput.gcOverheadPercent(1500, 2048 * MIB))
                .as("1.5 CPUs round up to 2: G1")
                .isEqualTo(SizingInput.G1_GC_OVERHEAD_PERCENT);
        assertThat(SizingInput.gcOverheadPercent(0, 2048 * MIB))
                .as("CPUs unknown: G1")
                .isEqualTo(SizingInput.G1_GC_OVERHEAD_PERCENT);
    }

    @Test
    void jvmFlagsReadTheLastHeapAndStackSettings() {
        JvmFlags flags =
                JvmFlags.parse("-XX:MaxRAMPercentage=50 -Xss512k -XX:+ExitOnOutOfMemoryError -XX:MaxRAMPercentage=35");

        assertThat(flags.heapPercent()).isEqualTo(35);
        assertThat(flags.stackBytes()).isEqualTo(512 * KIB);
        assertThat(flags.heapBytes()).isZero();
        assertThat(JvmFlags.parse("-XX:ThreadStackSize=256 -Xmx1g").stackBytes())
                .isEqualTo(256 * KIB);
        assertThat(JvmFlags.parse("").stackBytes()).isEqualTo(SizingInput.DEFAULT_STACK);
    }

    @Test
    void jvmFlagsNameTheLastCollectorAndItsOverhead() {
        JvmFlags flags = JvmFlags.parse("-XX:+UseSerialGC -XX:MaxRAMPercentage=30 -XX:+UseG1GC");

        assertThat(flags.gc()).isEqualTo("G1");
        assertThat(JvmFlags.parse("-XX:MaxRAMPercentage=30").gc()).isEmpty();
        // an explicit G1 on half a CPU costs G1's overhead, not the Serial GC ergonomics would pick
        assertThat(SizingInput.gcOverheadPercent("G1", 500, 448 * MIB)).isEqualTo(SizingInput.G1_GC_OVERHEAD_PERCENT);
        assertThat(SizingInput.gcOverheadPercent("", 500, 448 * MIB)).isEqualTo(SizingInput.SERIAL_GC_OVERHEAD_PERCENT);
    }
}
