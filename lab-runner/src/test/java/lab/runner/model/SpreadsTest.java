package lab.runner.model;

import static lab.runner.model.Measurements.measurement;
import static lab.runner.model.Measurements.second;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import lab.runrecord.Measurement;
import lab.runrecord.StepRun.Figure;
import lab.runrecord.StepRun.Spread;
import org.junit.jupiter.api.Test;

class SpreadsTest {

    private static final double EPS = 1e-9;

    /**
     * Three repeats of one step. Per-second throughput: repeat 1 is 1,700 / 1,800 / 1,900 (mean
     * 1,800, sample sd 100, cv 0.0556), repeat 2 flat (cv 0), repeat 3 1,600 / 1,850 / 2,100 (mean
     * 1,850, sd 250, cv 0.1351): the step's cv is the largest, 0.1351.
     */
    private static List<Measurement> fixture() {
        return List.of(
                measurement()
                        .repeat(1)
                        .throughput(1800)
                        .latency(109, 105, 140)
                        .cpu(0.36)
                        .series(List.of(
                                second(0, 1700.0, 0.34, null),
                                second(1, 1800.0, 0.36, null),
                                second(2, 1900.0, 0.38, null)))
                        .build(),
                measurement()
                        .repeat(2)
                        .throughput(1900)
                        .latency(108, 104, 180)
                        .cpu(0.38)
                        .series(List.of(
                                second(0, 1900.0, 0.38, null),
                                second(1, 1900.0, 0.38, null),
                                second(2, 1900.0, 0.38, null)))
                        .build(),
                measurement()
                        .repeat(3)
                        .throughput(1850)
                        .latency(110, 106, 150)
                        .cpu(0.37)
                        .series(List.of(
                                second(0, 1600.0, 0.32, null),
                                second(1, 1850.0, 0.37, null),
                                second(2, 2100.0, 0.42, null)))
                        .build());
    }

    @Test
    void medianMinMaxAndCountAcrossRepeats() {
        Spread s = Spreads.of(fixture());

        assertThat(s.throughputRps().median()).isEqualTo(1850);
        assertThat(s.throughputRps().min()).isEqualTo(1800);
        assertThat(s.throughputRps().max()).isEqualTo(1900);
        assertThat(s.throughputRps().n()).isEqualTo(3);
        assertThat(s.p50Ms().median()).isEqualTo(105);
        assertThat(s.p99Ms().median()).isEqualTo(150);
        assertThat(s.p99Ms().min()).isEqualTo(140);
        assertThat(s.p99Ms().max()).isEqualTo(180);
        // 0.36 / 1,800, 0.38 / 1,900 and 0.37 / 1,850 are all 0.2 ms per request
        assertThat(s.cpuMsPerRequest().median()).isCloseTo(0.2, within(EPS));
        assertThat(s.cpuMsPerRequest().max() - s.cpuMsPerRequest().min()).isCloseTo(0, within(EPS));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        Spread s = Spreads.of(fixture().subList(0, 2));

        assertThat(s.throughputRps().median()).isEqualTo(1850);
        assertThat(s.throughputRps().n()).isEqualTo(2);
    }

    @Test
    void thePerSecondDispersionIsTheLargestCoefficientOfVariationOfTheRepeats() {
        Spread s = Spreads.of(fixture());

        assertThat(s.throughputRps().perSecondCv()).isCloseTo(250.0 / 1850, within(1e-6));
        // the per-second CPU per request is CPU x 1000 / throughput, 0.2 ms in every second
        assertThat(s.cpuMsPerRequest().perSecondCv()).isCloseTo(0, within(1e-9));
        // the fixture's seconds carry no latency: no dispersion to state
        assertThat(s.p99Ms().perSecondCv()).isNull();
    }

    @Test
    void unknownSecondsAndUnknownRepeatsAreLeftOut() {
        Measurement gap = measurement()
                .throughput(1000)
                .cpuMsPerRequest(null)
                .series(List.of(second(0, 900.0, null), second(1, null, null), second(2, 1100.0, null)))
                .build();
        Measurement other = measurement().throughput(1200).cpu(0.24).build();

        Spread s = Spreads.of(List.of(gap, other));

        // 900 and 1,100: mean 1,000, sample sd 141.4
        assertThat(s.throughputRps().perSecondCv()).isCloseTo(Math.sqrt(2) * 100 / 1000, within(1e-9));
        assertThat(s.cpuMsPerRequest().n()).isEqualTo(1);
        assertThat(s.cpuMsPerRequest().median()).isCloseTo(0.2, within(EPS));
        assertThat(Spreads.of(List.of(gap)).cpuMsPerRequest()).isNull();
    }

    @Test
    void theCoefficientOfVariationNeedsTwoValuesAndANonZeroMean() {
        assertThat(Spreads.cv(List.of(5.0))).isNull();
        assertThat(Spreads.cv(List.of(0.0, 0.0))).isNull();
        assertThat(Spreads.cv(List.of(1.0, 3.0))).isCloseTo(Math.sqrt(2) / 2, within(EPS));
    }

    @Test
    void theRelativeHalfRangeIsTheSpreadOfMedianPlusMinusX() {
        assertThat(new Figure(1850, 1800, 1900, 3, null).relativeHalfRange()).isCloseTo(50.0 / 1850, within(EPS));
        assertThat(new Figure(0, 0, 0, 1, null).relativeHalfRange()).isZero();
    }

    @Test
    void figuresAreApartOnlyWhenTheirRangesDoNotOverlap() {
        Figure mvc = new Figure(1850, 1800, 1900, 3, null);
        Figure webflux = new Figure(6500, 6300, 6700, 3, null);
        Figure close = new Figure(1950, 1880, 2000, 3, null);
        Figure touching = new Figure(1950, 1900, 2000, 3, null);

        assertThat(Spreads.apart(mvc, webflux)).isTrue();
        assertThat(Spreads.apart(webflux, mvc)).isTrue();
        // medians 1,850 and 1,950 differ by 5 %, less than the spread of the repeats
        assertThat(Spreads.apart(mvc, close)).isFalse();
        assertThat(Spreads.apart(close, mvc)).isFalse();
        assertThat(Spreads.apart(mvc, touching)).isFalse();
        assertThat(Spreads.apart(mvc, null)).isFalse();
        assertThat(Spreads.apart(null, webflux)).isFalse();
    }
}
