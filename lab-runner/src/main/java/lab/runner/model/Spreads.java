package lab.runner.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import lab.runrecord.Measurement;
import lab.runrecord.StepRun.Figure;
import lab.runrecord.StepRun.Spread;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The headline figures of a step across its repeats: median and min–max, and how much the
 * per-second values move inside each window (coefficient of variation, the largest of the repeats).
 */
public final class Spreads {

    private Spreads() {}

    public static Spread of(List<Measurement> repeats) {
        return new Spread(
                figure(repeats, m -> m.client().throughputRps(), p -> p.throughputRps()),
                figure(repeats, m -> m.client().latency().p50Ms(), p -> p.p50Ms()),
                figure(repeats, m -> m.client().latency().p99Ms(), p -> p.p99Ms()),
                figure(repeats, m -> m.app().cpuMsPerRequest(), Spreads::cpuMsPerRequest));
    }

    static Figure figure(
            List<Measurement> repeats,
            Function<Measurement, Double> value,
            Function<Measurement.SecondPoint, Double> perSecond) {
        DescriptiveStatistics across = new DescriptiveStatistics();
        Double cv = null;
        for (Measurement m : repeats) {
            Double v = value.apply(m);
            if (v != null && Double.isFinite(v)) {
                across.addValue(v);
            }
            Double within = cv(m.series().stream().map(perSecond).toList());
            if (within != null) {
                cv = cv == null ? within : Math.max(cv, within);
            }
        }
        if (across.getN() == 0) {
            return null;
        }
        return new Figure(across.getPercentile(50), across.getMin(), across.getMax(), (int) across.getN(), cv);
    }

    /** Standard deviation over mean of the known values; null with fewer than two or a zero mean. */
    static Double cv(List<Double> values) {
        DescriptiveStatistics s = new DescriptiveStatistics();
        values.stream().filter(Objects::nonNull).filter(Double::isFinite).forEach(s::addValue);
        if (s.getN() < 2 || s.getMean() == 0) {
            return null;
        }
        return s.getStandardDeviation() / Math.abs(s.getMean());
    }

    private static Double cpuMsPerRequest(Measurement.SecondPoint p) {
        return p.appCpuCores() == null || p.throughputRps() == null || p.throughputRps() <= 0
                ? null
                : p.appCpuCores() * 1000 / p.throughputRps();
    }

    /** Whether two figures' min–max ranges are apart: a difference larger than the spread. */
    public static boolean apart(Figure a, Figure b) {
        return a != null && b != null && (a.max() < b.min() || b.max() < a.min());
    }
}
