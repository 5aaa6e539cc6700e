package lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import lab.results.Measurement;
import lab.results.Measurement.SecondPoint;
import lab.results.StepRun;
import lab.results.VariantRun;

/**
 * One variant's per-second series on one time axis: its steps one after the other (each starts
 * where the previous window ended), the repeats of a step laid over each other second by second.
 *
 * @param seconds in time order
 */
record Timeline(VariantRun variant, List<Second> seconds) {

    /** Tenths of a second: the runner samples once a second, so this only absorbs rounding. */
    private static final double RESOLUTION = 10.0;

    /**
     * @param t seconds since the first window started
     * @param points this second of every repeat
     */
    record Second(double t, List<SecondPoint> points) {

        Stat stat(Function<SecondPoint, ? extends Number> figure) {
            return Stat.of(points.stream().<Number>map(figure::apply).toList());
        }

        Double median(Function<SecondPoint, ? extends Number> figure) {
            Stat stat = stat(figure);
            return stat == null ? null : stat.median();
        }
    }

    static Timeline of(VariantRun variant) {
        Map<Double, List<SecondPoint>> byTime = new TreeMap<>();
        double offset = 0;
        for (StepRun step : variant.steps()) {
            double length = 0;
            for (Measurement m : step.repeats()) {
                for (SecondPoint point : m.series()) {
                    double t = Math.round((offset + point.t()) * RESOLUTION) / RESOLUTION;
                    byTime.computeIfAbsent(t, key -> new ArrayList<>()).add(point);
                    length = Math.max(length, point.t() + 1);
                }
                if (m.window() != null) {
                    length = Math.max(length, m.window().seconds());
                }
            }
            offset += length;
        }
        List<Second> seconds = new ArrayList<>();
        byTime.forEach((t, points) -> seconds.add(new Second(t, List.copyOf(points))));
        return new Timeline(variant, List.copyOf(seconds));
    }

    boolean isEmpty() {
        return seconds.isEmpty();
    }

    /** The seconds in {@code [from, to)}. */
    List<Second> between(double from, double to) {
        return seconds.stream().filter(s -> s.t() >= from && s.t() < to).toList();
    }

    double end() {
        return seconds.isEmpty() ? 0 : seconds.getLast().t() + 1;
    }

    /** The median over some seconds of each second's median; null when none has the figure. */
    static Double median(List<Second> seconds, Function<SecondPoint, ? extends Number> figure) {
        Stat stat = Stat.of(seconds.stream().map(s -> s.median(figure)).toList());
        return stat == null ? null : stat.median();
    }

    static Double max(List<Second> seconds, Function<SecondPoint, ? extends Number> figure) {
        Stat stat = Stat.of(seconds.stream().map(s -> s.median(figure)).toList());
        return stat == null ? null : stat.max();
    }

    static double sum(List<Second> seconds, Function<SecondPoint, ? extends Number> figure) {
        return seconds.stream()
                .map(s -> s.median(figure))
                .filter(value -> value != null)
                .mapToDouble(Double::doubleValue)
                .sum();
    }
}
