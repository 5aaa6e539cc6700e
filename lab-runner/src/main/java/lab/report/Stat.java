package lab.report;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import lab.runrecord.StepRun;

/**
 * A figure across the repeats of a step: its median (the point drawn), its min–max (the error
 * bar) and how many repeats it comes from.
 *
 * <p>Two figures differ only when their noise bands do not overlap. The band is the min–max across
 * repeats; with a single repeat it is the median ± the per-second coefficient of variation inside
 * the window when the runner measured one (conservative: the dispersion of single seconds, not of
 * the window's mean), else the single value.
 *
 * @param cv the per-second coefficient of variation inside the windows, when known
 */
record Stat(double median, double min, double max, int n, Double cv) {

    static Stat of(StepRun.Figure figure) {
        return figure == null
                ? null
                : new Stat(figure.median(), figure.min(), figure.max(), figure.n(), figure.perSecondCv());
    }

    /** Median, min and max of the known values; null when none is known. */
    static Stat of(Collection<? extends Number> values) {
        List<Double> known = values.stream()
                .filter(Objects::nonNull)
                .map(Number::doubleValue)
                .filter(Double::isFinite)
                .sorted()
                .toList();
        if (known.isEmpty()) {
            return null;
        }
        int n = known.size();
        double median = n % 2 == 1 ? known.get(n / 2) : (known.get(n / 2 - 1) + known.get(n / 2)) / 2;
        return new Stat(median, known.getFirst(), known.getLast(), n, null);
    }

    static Stat single(double value) {
        return new Stat(value, value, value, 1, null);
    }

    /** Whether there is a min–max to draw: two or more repeats that differ. */
    boolean hasRange() {
        return n >= 2 && max > min;
    }

    double lo() {
        return n < 2 && cv != null ? median * (1 - cv) : min;
    }

    double hi() {
        return n < 2 && cv != null ? median * (1 + cv) : max;
    }

    /** Whether the two noise bands overlap: then any difference between the medians is noise. */
    boolean overlaps(Stat other) {
        return lo() <= other.hi() && other.lo() <= hi();
    }

    /** Whether nothing says how noisy this figure is (one repeat, no per-second dispersion). */
    boolean spreadUnknown() {
        return n < 2 && cv == null;
    }

    Stat scaled(double factor) {
        return new Stat(median * factor, min * factor, max * factor, n, cv);
    }
}
