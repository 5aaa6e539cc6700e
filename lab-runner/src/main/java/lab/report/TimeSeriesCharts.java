package lab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import lab.report.Chart.Axis;
import lab.report.Chart.Band;
import lab.report.Chart.Point;
import lab.report.Chart.Series;
import lab.runrecord.Measurement.SecondPoint;
import lab.runrecord.RunResults;

/**
 * Per-second panels of a time-series scenario (phases of an open-model run, a cold start): every
 * variant on one shared time axis, the phases shaded, the panels' tooltips linked.
 */
final class TimeSeriesCharts {

    static final String GROUP = "timeseries";

    private final RunResults run;
    private final List<PerSecond> timelines;
    private final List<Band> bands;

    TimeSeriesCharts(RunResults run) {
        this.run = run;
        this.timelines = run.variants().stream().map(PerSecond::of).toList();
        this.bands = bands(run, timelines);
    }

    /**
     * One shaded span per phase: from its earliest start to its latest end over the variants (the
     * runner marks when each phase really started and ended for each of them).
     */
    static List<Band> bands(RunResults run, List<PerSecond> timelines) {
        Map<String, Band> byName = new LinkedHashMap<>();
        for (PerSecond timeline : timelines) {
            for (PerSecond.Phase phase : timeline.phases(run)) {
                String extra = phase.extraLatencyMs() >= 0
                        ? "+" + Fmt.count(phase.extraLatencyMs())
                        : Fmt.count(phase.extraLatencyMs());
                String name = phase.name() + " (" + extra + " ms)";
                byName.merge(
                        name,
                        new Band(name, phase.from(), phase.to()),
                        (a, b) -> new Band(name, Math.min(a.from(), b.from()), Math.max(a.to(), b.to())));
            }
        }
        return List.copyOf(byName.values());
    }

    List<Chart> charts() {
        List<Chart> charts = new ArrayList<>();
        charts.add(panel(
                "chart-ts-rate",
                "Offered and achieved rate per second",
                "Achieved (solid) against offered (dashed) requests per second: where they part, the variant "
                        + "stopped keeping up and its queue grows.",
                Axis.of("requests per second", "value"),
                List.of(
                        new Figure(" achieved", "solid", SecondPoint::throughputRps),
                        new Figure(" offered", "dashed", SecondPoint::offeredRps))));
        charts.add(panel(
                "chart-ts-latency",
                "Latency per second: p50, p99 and the health probe",
                "Client-side p50 (dotted) and p99 (solid) of the requests completed in each second, and the lab's "
                        + "probe of the app's health endpoint (thin): a blocked event loop or a full pool delays it too. "
                        + "Log scale.",
                Axis.of("latency (ms)", "log"),
                List.of(
                        new Figure(" p50", "dotted", SecondPoint::p50Ms),
                        new Figure(" p99", "solid", SecondPoint::p99Ms),
                        new Figure(" health probe", "thin", SecondPoint::healthProbeMs))));
        charts.add(panel(
                "chart-ts-inflight",
                "Requests in flight",
                "lab.requests.in.progress: requests inside the app. In an open model it grows without bound once "
                        + "arrivals outpace completions.",
                Axis.of("in flight", "value"),
                List.of(new Figure("", "solid", SecondPoint::inFlight))));
        charts.add(panel(
                "chart-ts-threads",
                "Busy threads, event-loop pending tasks, live threads",
                "tomcat.threads.busy (solid), reactor.netty.eventloop.pending.tasks (dashed) and live JVM threads "
                        + "(thin).",
                Axis.of("threads / tasks", "value"),
                List.of(
                        new Figure(" busy threads", "solid", SecondPoint::threadsBusy),
                        new Figure(" event-loop pending", "dashed", SecondPoint::eventLoopPending),
                        new Figure(" live threads", "thin", SecondPoint::threadsLive))));
        charts.add(panel(
                "chart-ts-errors",
                "Errors per second",
                "Requests that failed in each second (Gatling's KO).",
                Axis.of("errors per second", "value"),
                List.of(new Figure("", "solid", SecondPoint::ko))));
        charts.add(panel(
                "chart-ts-cpu",
                "CPU per second: the app and the load side",
                "CPU cores used by the app (solid), Gatling (dashed) and the stub (thin).",
                Axis.of("CPU (cores)", "value"),
                List.of(
                        new Figure(" app", "solid", SecondPoint::appCpuCores),
                        new Figure(" Gatling", "dashed", SecondPoint::gatlingCpuCores),
                        new Figure(" stub", "thin", SecondPoint::stubCpuCores))));
        charts.add(panel(
                "chart-ts-rss",
                "Resident memory per second",
                "RSS of the app process.",
                Axis.of("RSS (MiB)", "value"),
                List.of(new Figure("", "solid", SecondPoint::rssMiB))));
        charts.add(panel(
                "chart-ts-throttling",
                "CPU throttling per second",
                "Share of the cgroup's CFS periods in which the app was throttled.",
                Axis.of("throttled periods (%)", "value"),
                List.of(new Figure("", "solid", point -> percent(point.throttledShare())))));
        return charts.stream().filter(Chart::hasData).toList();
    }

    private static Double percent(Double share) {
        return share == null ? null : share * Fmt.PERCENT;
    }

    private record Figure(String suffix, String style, Function<SecondPoint, ? extends Number> value) {}

    private Chart panel(String id, String title, String caption, Axis y, List<Figure> figures) {
        List<Series> series = new ArrayList<>();
        for (PerSecond timeline : timelines) {
            for (Figure figure : figures) {
                List<Point> data = timeline.seconds().stream()
                        .map(second -> Point.of(second.t(), second.stat(figure.value()), null))
                        .filter(point -> point.y() != null)
                        .toList();
                if (!data.isEmpty()) {
                    String name = timeline.variant().name() + figure.suffix();
                    series.add(Series.line(name, timeline.variant().name(), figure.style(), data));
                }
            }
        }
        String repeats = run.scenario() != null && run.scenario().repeats() > 1
                ? " Median of the " + run.scenario().repeats() + " repeats, bars their min–max."
                : "";
        return Chart.of(id, ChartModel.TIMESERIES, title, caption + repeats, Axis.of("time (s)", "time"), y, series)
                .withBands(bands.isEmpty() ? null : bands, GROUP);
    }
}
