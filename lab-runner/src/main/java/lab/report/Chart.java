package lab.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One chart as report.js draws it: derived numbers only, so the arithmetic lives (and is tested)
 * in Java and the script just maps this onto ECharts options.
 *
 * @param empty message shown instead of the chart when there is nothing to plot
 * @param yMax upper bound of the y axis, so reference lines do not flatten the measurements
 * @param bands shaded spans of the x axis (the phases of a time-series scenario)
 * @param group charts of one group share their axis pointer and tooltip (the time-series panels)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Chart(
        String id,
        String section,
        String title,
        String caption,
        Axis x,
        Axis y,
        Axis y2,
        Double yMax,
        List<Series> series,
        String empty,
        List<Band> bands,
        String group) {

    static Chart of(String id, String section, String title, String caption, Axis x, Axis y, List<Series> series) {
        return new Chart(id, section, title, caption, x, y, null, null, series, null, null, null);
    }

    Chart withY2(Axis axis) {
        return new Chart(id, section, title, caption, x, y, axis, yMax, series, empty, bands, group);
    }

    Chart withYMax(Double max) {
        return new Chart(id, section, title, caption, x, y, y2, max, series, empty, bands, group);
    }

    Chart withEmpty(String message) {
        return new Chart(id, section, title, caption, x, y, y2, yMax, series, message, bands, group);
    }

    Chart withBands(List<Band> spans, String groupName) {
        return new Chart(id, section, title, caption, x, y, y2, yMax, series, empty, spans, groupName);
    }

    /** Whether any series has a point with a value. */
    boolean hasData() {
        return series.stream()
                .filter(s -> !"reference".equals(s.type()))
                .anyMatch(s -> s.data().stream().anyMatch(p -> p.y() != null));
    }

    /**
     * @param type {@code ladder} (the users of each step, equally spaced since users double),
     *     {@code log}, {@code value}, {@code time} (seconds, a value axis) or {@code category}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Axis(String name, String type, List<String> categories) {

        static Axis of(String name, String type) {
            return new Axis(name, type, null);
        }

        static Axis categories(String name, List<String> categories) {
            return new Axis(name, "category", categories);
        }
    }

    /**
     * @param group the variant the series belongs to (one colour per variant across all charts);
     *     null for reference lines
     * @param type {@code line}, {@code bar} or {@code reference} (a thin dashed guide line)
     * @param style {@code solid}, {@code dotted} (p50), {@code dashed} (a second figure of the
     *     variant: offered rate, Gatling), {@code server} (the app's own timer), {@code thin} (a third
     *     figure: the stub, the health probe), {@code predicted} (the model's value: small markers, no
     *     line) or {@code markers} (points with their values, no line)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Series(String name, String group, String type, String style, Integer yAxis, String stack, List<Point> data) {

        static Series line(String name, String group, String style, List<Point> data) {
            return new Series(name, group, "line", style, null, null, data);
        }

        static Series reference(String name, String group, List<Point> data) {
            return new Series(name, group, "reference", "solid", null, null, data);
        }

        static Series bar(String name, String group, List<Point> data) {
            return new Series(name, group, "bar", "solid", null, null, data);
        }

        Series onSecondAxis() {
            return new Series(name, group, type, style, 1, stack, data);
        }

        Series stacked(String stackName) {
            return new Series(name, group, type, style, yAxis, stackName, data);
        }
    }

    /**
     * @param lo the smallest value across repeats (the error bar's bottom), when there are repeats
     * @param hi the largest value across repeats
     * @param reason why the point is not trustworthy, null when it is
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Point(Object x, Double y, Double lo, Double hi, String reason) {

        static Point of(Object x, Double y) {
            return new Point(x, y, null, null, null);
        }

        /** The median as the point, the min–max as its error bar when the repeats differ. */
        static Point of(Object x, Stat stat, String reason) {
            if (stat == null) {
                return new Point(x, null, null, null, reason);
            }
            return stat.hasRange()
                    ? new Point(x, stat.median(), stat.min(), stat.max(), reason)
                    : new Point(x, stat.median(), null, null, reason);
        }
    }

    /** A shaded span of the x axis, from {@code from} to {@code to}. */
    record Band(String name, double from, double to) {}
}
