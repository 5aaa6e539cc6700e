package lab.diff;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.page.PageResources;
import lab.page.ScriptJson;
import lab.runrecord.StepRun;

/**
 * Renders {@code diff.html}: one self-contained page (style, ECharts and script inlined) with the same
 * content as {@code diff.md} plus, per variant, a chart of A against B with min–max error bars.
 */
final class HtmlDiff {

    static final String CHARTS_ELEMENT = "diff-charts";

    private static final Template TEMPLATE =
            Mustache.compiler().nullValue("").compile(PageResources.text("diff/diff.html.mustache"));

    /** What the page's script draws; prepared here so the arithmetic stays in tested Java. */
    record ChartData(String a, String b, List<VariantChart> variants) {}

    record VariantChart(String id, String name, List<String> steps, List<MetricSeries> metrics) {}

    /**
     * @param calls per step: worse, better, noise or not judged
     */
    record MetricSeries(
            String key,
            String label,
            String unit,
            int decimals,
            List<Point> a,
            List<Point> b,
            List<String> calls,
            List<String> deltas) {}

    /** A figure across repeats; null in a series where the step has none. */
    record Point(double median, double min, double max, int n) {

        static Point of(StepRun.Figure figure) {
            return figure == null ? null : new Point(figure.median(), figure.min(), figure.max(), figure.n());
        }
    }

    private HtmlDiff() {}

    static String render(RunDiff diff) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put(
                "title",
                "./lab diff: " + diff.a().name() + " (A) vs " + diff.b().name() + " (B)");
        context.put("aFolder", diff.a().folder().toString());
        context.put("bFolder", diff.b().folder().toString());
        context.put("aRun", Words.run(diff.a()));
        context.put("bRun", Words.run(diff.b()));
        context.put("generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        context.put("differences", diff.differences());
        context.put("hasDifferences", !diff.differences().isEmpty());
        context.put("identical", diff.identical());
        context.put("identicalCount", diff.identical().size());
        context.put("counts", Words.counts(diff));
        list(context, "worse", flags(diff.calls(Change.Call.WORSE)));
        list(context, "better", flags(diff.calls(Change.Call.BETTER)));
        context.put("perSecondEvidence", diff.perSecondEvidence());
        list(
                context,
                "onlyInA",
                diff.onlyInA().stream().map(RunDiff.Unshared::describe).toList());
        list(
                context,
                "onlyInB",
                diff.onlyInB().stream().map(RunDiff.Unshared::describe).toList());
        list(context, "failures", diff.failures());
        context.put("rule", Words.rule());
        context.put(
                "metrics",
                List.of(Metric.values()).stream().map(HtmlDiff::header).toList());
        context.put("variants", variants(diff));
        context.put("css", PageResources.text("diff/diff.css"));
        context.put("chartsElement", CHARTS_ELEMENT);
        context.put("chartsJson", ScriptJson.of(charts(diff)));
        context.put("echartsJs", PageResources.echarts());
        context.put("diffJs", PageResources.inlineable(PageResources.text("diff/diff.js")));
        return TEMPLATE.execute(context);
    }

    /** A list and whether it has anything, for a heading shown only above a non-empty list. */
    private static void list(Map<String, Object> context, String name, List<?> list) {
        context.put(name, list);
        context.put("has" + Character.toUpperCase(name.charAt(0)) + name.substring(1), !list.isEmpty());
    }

    private static Map<String, String> header(Metric metric) {
        return Map.of("label", metric.label, "unit", metric.unit);
    }

    private static List<Map<String, String>> flags(List<RunDiff.Flag> flags) {
        return flags.stream()
                .map(f -> Map.of("text", Words.flag(f), "why", f.change().why()))
                .toList();
    }

    private static List<Map<String, Object>> variants(RunDiff diff) {
        List<Map<String, Object>> variants = new ArrayList<>();
        int index = 0;
        for (RunDiff.VariantDiff variant : diff.variants()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            List<Map<String, Object>> notes = new ArrayList<>();
            for (StepDiff step : variant.steps()) {
                List<Map<String, String>> cells = new ArrayList<>();
                for (Metric metric : Metric.values()) {
                    Change change = step.change(metric);
                    cells.add(Map.of(
                            "a", Words.cell(change.a(), metric),
                            "b", Words.cell(change.b(), metric),
                            "delta", Words.delta(change),
                            "call", cssClass(change.call()),
                            "why", change.why()));
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", step.id());
                row.put("load", step.load());
                row.put("cells", cells);
                row.put("invalid", step.invalid());
                rows.add(row);
                if (!step.notes().isEmpty()) {
                    notes.add(Map.of("id", step.id(), "text", String.join("; ", step.notes())));
                }
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", variant.name());
            v.put("chartId", chartId(index++));
            v.put("rows", rows);
            list(v, "notes", notes);
            variants.add(v);
        }
        return variants;
    }

    static ChartData charts(RunDiff diff) {
        List<VariantChart> charts = new ArrayList<>();
        int index = 0;
        for (RunDiff.VariantDiff variant : diff.variants()) {
            List<MetricSeries> metrics = new ArrayList<>();
            for (Metric metric : Metric.values()) {
                List<Point> a = new ArrayList<>();
                List<Point> b = new ArrayList<>();
                List<String> calls = new ArrayList<>();
                List<String> deltas = new ArrayList<>();
                for (StepDiff step : variant.steps()) {
                    Change change = step.change(metric);
                    a.add(Point.of(change.a()));
                    b.add(Point.of(change.b()));
                    calls.add(cssClass(change.call()));
                    deltas.add(Words.delta(change) + " (" + change.why() + ")");
                }
                metrics.add(new MetricSeries(
                        metric.key(), metric.label, metric.unit, metric.decimals, a, b, calls, deltas));
            }
            charts.add(new VariantChart(
                    chartId(index++),
                    variant.name(),
                    variant.steps().stream().map(StepDiff::id).toList(),
                    metrics));
        }
        return new ChartData(diff.a().name() + " (A)", diff.b().name() + " (B)", charts);
    }

    private static String chartId(int index) {
        return "chart-" + index;
    }

    private static String cssClass(Change.Call call) {
        return call.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
