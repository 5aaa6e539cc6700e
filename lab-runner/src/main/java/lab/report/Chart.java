package lab.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One chart as report.js draws it: derived numbers only, so the arithmetic lives (and is tested)
 * in Java and the script just maps this onto ECharts options.
 *
 * @param empty message shown instead of the chart when there is nothing to plot
 * @param yMax upper bound of the y axis, so reference lines do not flatten the measurements
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
        String empty) {

    /**
     * @param type {@code ladder} (the users of each step, equally spaced since users double),
     *     {@code log}, {@code value} or {@code category}
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
     * @param style {@code solid}, {@code dotted} (p50), {@code server} (the app's own timer) or
     *     {@code markers} (points with their values, no line: categories are not a sequence)
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

    /** @param reason why the point is not trustworthy, null when it is */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Point(Object x, Double y, String reason) {

        static Point of(Object x, Double y) {
            return new Point(x, y, null);
        }
    }
}
