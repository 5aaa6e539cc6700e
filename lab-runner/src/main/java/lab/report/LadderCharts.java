package lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import lab.report.Chart.Axis;
import lab.report.Chart.Point;
import lab.report.Chart.Series;
import lab.runrecord.RunResults;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;

/** The closed-model ladder against users, and the open-model step. */
final class LadderCharts {

    /** Headroom above the highest measurement, so reference lines do not squash the data. */
    private static final double Y_HEADROOM = 1.25;
    /** A ceiling line far above every measurement would flatten them: such a line leaves the chart at the top. */
    private static final double CEILING_IN_VIEW = 2.0;

    private final RunResults run;
    private final Axis users;

    LadderCharts(RunResults run) {
        this.run = run;
        this.users = usersAxis(run);
    }

    static Axis usersAxis(RunResults run) {
        TreeSet<Integer> all = new TreeSet<>();
        run.variants()
                .forEach(
                        v -> Steps.closed(v).forEach(step -> all.add(step.load().users())));
        return new Axis("users", "ladder", all.stream().map(String::valueOf).toList());
    }

    List<Chart> charts() {
        return List.of(
                throughput(),
                latency(),
                serverLatency(),
                perStep(
                        "chart-threads",
                        "Live threads vs users",
                        "JVM live threads (else OS threads) during each step: a platform thread per request in "
                                + "MVC, a handful in WebFlux and on virtual threads.",
                        Axis.of("live threads", "log"),
                        step -> Steps.across(step, Figures::threads)),
                perStep(
                        "chart-rss",
                        "Resident memory (RSS) vs users",
                        "Resident set size of the app process, from /proc: the highest of each step.",
                        Axis.of("RSS (MiB)", "value"),
                        step -> Steps.across(step, Figures::rssMiB)),
                cpu(),
                errors());
    }

    private Chart throughput() {
        List<Series> series = new ArrayList<>();
        double highest = 0;
        for (VariantRun variant : run.variants()) {
            series.add(line(variant, variant.name(), "solid", Steps::throughput));
            highest = Math.max(highest, highest(variant, Steps::throughput));
        }
        for (VariantRun variant : run.variants()) {
            List<Point> predicted = Steps.closed(variant).stream()
                    .filter(step -> step.prediction() != null)
                    .map(step -> Point.of(Steps.key(step), step.prediction().predictedRps()))
                    .toList();
            if (!predicted.isEmpty()) {
                series.add(Series.line(variant.name() + " predicted", variant.name(), "predicted", predicted));
            }
        }
        Optional<Double> delay = Runs.delaySeconds(run);
        List<String> xs = users.categories();
        if (delay.isPresent() && !xs.isEmpty()) {
            double seconds = delay.get();
            series.add(Series.reference(
                    "Little's law: users / " + Fmt.seconds(seconds),
                    null,
                    xs.stream()
                            .map(n -> Point.of(n, Integer.parseInt(n) / seconds))
                            .toList()));
        }
        double inView = highest * CEILING_IN_VIEW;
        double top = highest;
        for (VariantRun variant : run.variants()) {
            VariantRun.Ceilings ceilings = variant.ceilings();
            if (ceilings == null || xs.isEmpty()) {
                continue;
            }
            if (ceilings.threadCeilingRps() != null) {
                series.add(flat(threadCeilingName(variant, ceilings, delay), variant, ceilings.threadCeilingRps()));
                top = ceilings.threadCeilingRps() <= inView ? Math.max(top, ceilings.threadCeilingRps()) : top;
            }
            if (ceilings.cpuCeilingRps() != null) {
                series.add(flat(cpuCeilingName(variant, ceilings), variant, ceilings.cpuCeilingRps()));
                top = ceilings.cpuCeilingRps() <= inView ? Math.max(top, ceilings.cpuCeilingRps()) : top;
            }
        }
        return Chart.of(
                        "chart-throughput",
                        ChartModel.LADDER,
                        "Throughput vs users",
                        "Closed model: each user sends its next request when the last one returns. Points are the "
                                + "median of the repeats, bars their min–max; small markers are the model's prediction. "
                                + "Little's law caps throughput at users / response time, a thread pool at maxThreads / "
                                + "(delay + overhead), the CPU at CPU budget / CPU per request.",
                        users,
                        Axis.of("throughput (rps)", "value"),
                        series)
                .withYMax(top > 0 ? top * Y_HEADROOM : null);
    }

    private String threadCeilingName(VariantRun variant, VariantRun.Ceilings ceilings, Optional<Double> delay) {
        if (ceilings.maxThreads() != null && delay.isPresent() && ceilings.perRequestOverheadMs() != null) {
            return variant.name() + " thread ceiling: " + ceilings.maxThreads() + " / (" + Fmt.seconds(delay.get())
                    + " + " + Fmt.seconds(ceilings.perRequestOverheadMs() / Fmt.MILLIS_PER_SECOND) + ")";
        }
        return variant.name() + " thread ceiling: " + Fmt.rps(ceilings.threadCeilingRps());
    }

    private String cpuCeilingName(VariantRun variant, VariantRun.Ceilings ceilings) {
        Optional<Double> budget = Runs.appCpuBudget(run);
        if (budget.isPresent() && ceilings.cpuMsPerRequest() != null) {
            return variant.name() + " CPU ceiling: " + Fmt.cores(budget.get()) + " CPU / "
                    + Fmt.cpuMs(ceilings.cpuMsPerRequest()) + " ms";
        }
        return variant.name() + " CPU ceiling: " + Fmt.rps(ceilings.cpuCeilingRps());
    }

    private Series flat(String name, VariantRun variant, double value) {
        List<String> xs = users.categories();
        return Series.reference(
                name, variant.name(), List.of(Point.of(xs.getFirst(), value), Point.of(xs.getLast(), value)));
    }

    private Chart latency() {
        List<Series> series = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            series.add(line(variant, variant.name() + " p50", "dotted", Steps::p50));
            series.add(line(variant, variant.name() + " p99", "solid", Steps::p99));
        }
        return Chart.of(
                "chart-latency",
                ChartModel.LADDER,
                "Latency (p50, p99) vs users, client side",
                "As Gatling saw it, queueing included; log scale. Past a ceiling a closed model's latency grows as "
                        + "users / ceiling.",
                users,
                Axis.of("latency (ms)", "log"),
                series);
    }

    private Chart serverLatency() {
        List<Series> series = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            series.add(line(variant, variant.name() + " client p99", "solid", Steps::p99));
            series.add(line(
                    variant, variant.name() + " server p99", "server", step -> Steps.across(step, Figures::serverP99)));
            series.add(line(
                    variant, variant.name() + " server mean", "thin", step -> Steps.across(step, Figures::serverMean)));
        }
        return Chart.of(
                "chart-server-latency",
                ChartModel.LADDER,
                "Client p99 vs the server's own timer",
                "The app's http.server.requests timer starts only once a thread picks the request up: time queued for "
                        + "a Tomcat thread is invisible to it, only the client sees it. Log scale.",
                users,
                Axis.of("latency (ms)", "log"),
                series);
    }

    private Chart cpu() {
        List<Series> series = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            series.add(line(variant, variant.name() + " app", "solid", Steps::cpuMsPerRequest));
            series.add(line(
                    variant,
                    variant.name() + " Gatling",
                    "dashed",
                    step -> Steps.across(step, Figures::gatlingCpuMsPerRequest)));
            series.add(line(
                    variant,
                    variant.name() + " stub",
                    "thin",
                    step -> Steps.across(step, Figures::stubCpuMsPerRequest)));
        }
        return Chart.of(
                "chart-cpu",
                ChartModel.LADDER,
                "CPU per request vs users: the app and the load side",
                "CPU milliseconds per request of the app (solid), of Gatling (dashed) and of the stub (thin). The "
                        + "load side must cost well under the app, or it, not the app, is what was measured.",
                users,
                Axis.of("CPU ms per request", "value"),
                series);
    }

    private Chart errors() {
        List<Series> series = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            TreeSet<String> classes = new TreeSet<>();
            Steps.closed(variant)
                    .forEach(step -> classes.addAll(Steps.errorClasses(step).keySet()));
            for (String errorClass : classes) {
                List<Point> data = Steps.closed(variant).stream()
                        .map(step -> new Point(
                                Steps.key(step),
                                Steps.errorClasses(step)
                                        .getOrDefault(errorClass, 0L)
                                        .doubleValue(),
                                null,
                                null,
                                Steps.reason(step)))
                        .toList();
                series.add(Series.bar(variant.name() + ": " + errorClass, variant.name(), data)
                        .stacked(variant.name()));
            }
        }
        Chart chart = Chart.of(
                "chart-errors",
                ChartModel.LADDER,
                "Errors by class",
                "Failed requests per step, by the error Gatling reported, summed over the repeats and stacked per "
                        + "variant (each repeat's count is in the measurement tables).",
                new Axis("users", "category", users.categories()),
                Axis.of("errors", "value"),
                series);
        return series.isEmpty() ? chart.withEmpty("No errors in any step.") : chart;
    }

    private Chart perStep(String id, String title, String caption, Axis y, Function<StepRun, Stat> metric) {
        List<Series> series = run.variants().stream()
                .map(variant -> line(variant, variant.name(), "solid", metric))
                .toList();
        return Chart.of(id, ChartModel.LADDER, title, caption, users, y, series);
    }

    private static Series line(VariantRun variant, String name, String style, Function<StepRun, Stat> metric) {
        return Series.line(name, variant.name(), style, points(Steps.closed(variant), metric));
    }

    static List<Point> points(List<StepRun> steps, Function<StepRun, Stat> metric) {
        return steps.stream()
                .map(step -> Point.of(Steps.key(step), metric.apply(step), Steps.reason(step)))
                .filter(point -> point.y() != null)
                .toList();
    }

    private static double highest(VariantRun variant, Function<StepRun, Stat> metric) {
        return Steps.closed(variant).stream()
                .map(metric)
                .filter(stat -> stat != null)
                .mapToDouble(Stat::max)
                .max()
                .orElse(0);
    }

    /** Offered vs achieved of every open-model step, with the p99 it cost. */
    static Chart openModel(RunResults run) {
        List<String> names = new ArrayList<>();
        List<Point> offered = new ArrayList<>();
        List<Point> achieved = new ArrayList<>();
        List<Point> p99 = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            List<StepRun> open = Steps.open(variant);
            for (StepRun step : open) {
                String name = open.size() == 1 ? variant.name() : variant.name() + " " + step.id();
                names.add(name);
                Stat rate = Steps.across(step, Figures::offered);
                offered.add(Point.of(
                        name,
                        rate != null
                                ? rate
                                : step.load().rate() == null
                                        ? null
                                        : Stat.single(step.load().rate()),
                        null));
                achieved.add(Point.of(name, Steps.throughput(step), Steps.reason(step)));
                p99.add(Point.of(name, Steps.p99(step), Steps.reason(step)));
            }
        }
        List<Series> series = List.of(
                Series.bar("achieved (rps)", null, achieved),
                Series.line("offered (req/s)", null, "markers", offered),
                Series.line("p99 (ms)", null, "markers", p99).onSecondAxis());
        return Chart.of(
                        "chart-open-model",
                        ChartModel.OPEN,
                        "Open model: offered vs achieved",
                        "Requests arrive at a fixed rate whatever the latency. A variant that cannot keep up builds a "
                                + "queue that grows for the whole step: its p99 is the queue's length, not the downstream "
                                + "delay. Bars: median of the repeats, with their min–max.",
                        Axis.categories("variant", names),
                        Axis.of("requests per second", "value"),
                        series)
                .withY2(Axis.of("p99 (ms)", "log"));
    }

    /** Step categories for charts that mix the ladder with other steps: users first, then the rest by id. */
    static List<String> stepKeys(RunResults run) {
        List<String> keys = new ArrayList<>(usersAxis(run).categories());
        run.variants()
                .forEach(v -> v.steps().stream()
                        .map(Steps::key)
                        .filter(key -> !keys.contains(key))
                        .forEach(keys::add));
        return keys;
    }
}
