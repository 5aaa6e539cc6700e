package lab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import lab.runrecord.Measurement;
import lab.runrecord.Measurement.SecondPoint;
import lab.runrecord.RunResults;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;

/**
 * One variant's per-second series on one time axis: its steps one after the other (each starts
 * where the previous window ended), the repeats of a step laid over each other second by second.
 *
 * @param seconds in time order
 * @param starts where each step's window starts on this axis, by step id
 */
record PerSecond(VariantRun variant, List<Second> seconds, Map<String, Double> starts) {

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

    static PerSecond of(VariantRun variant) {
        Map<Double, List<SecondPoint>> byTime = new TreeMap<>();
        Map<String, Double> starts = new LinkedHashMap<>();
        double offset = 0;
        for (StepRun step : variant.steps()) {
            starts.put(step.id(), offset);
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
        return new PerSecond(variant, List.copyOf(seconds), starts);
    }

    /**
     * A phase of the downstream on this axis.
     *
     * @param from when it started, in seconds on this axis
     * @param to when it ended
     */
    record Phase(String name, int extraLatencyMs, double from, double to) {}

    /**
     * The phases as the runner saw them happen ({@code StepRun.timeline.phases}, placed on this
     * axis); when no step says, as the scenario planned them.
     */
    List<Phase> phases(RunResults run) {
        List<Phase> marked = new ArrayList<>();
        for (StepRun step : variant.steps()) {
            if (step.timeline() == null) {
                continue;
            }
            double start = starts.getOrDefault(step.id(), 0.0);
            step.timeline()
                    .phases()
                    .forEach(mark -> marked.add(
                            new Phase(mark.name(), mark.extraLatencyMs(), start + mark.startT(), start + mark.endT())));
        }
        if (!marked.isEmpty()) {
            return marked;
        }
        return Runs.phases(run).stream()
                .map(phase -> new Phase(
                        phase.name(), phase.extraLatencyMs(), phase.atSecond(), phase.atSecond() + phase.seconds()))
                .toList();
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
