package lab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.runrecord.RunResults;

/** Turns a run into the charts of report.html, in page order, each section only when the run has its data. */
final class ChartModel {

    static final String LADDER = "ladder";
    static final String OPEN = "open";
    static final String LIMITS = "limits";
    static final String TIMESERIES = "timeseries";
    static final String WARMUP = "warmup";
    static final String C10K = "c10k";

    private final RunResults run;

    ChartModel(RunResults run) {
        this.run = run;
    }

    List<Chart> charts() {
        List<Chart> charts = new ArrayList<>();
        if (Runs.ladder(run)) {
            charts.addAll(new LadderCharts(run).charts());
        }
        if (run.variants().stream().anyMatch(v -> !Steps.open(v).isEmpty())) {
            charts.add(LadderCharts.openModel(run));
        }
        if (Runs.timeSeries(run)) {
            charts.addAll(new TimeSeriesCharts(run).charts());
        }
        charts.addAll(LimitsCharts.charts(run));
        if (Runs.c10k(run)) {
            charts.addAll(C10kCharts.charts(run));
        }
        charts.addAll(WarmupCharts.charts(run));
        return List.copyOf(charts);
    }

    /** Charts by section, in page order, for the template's containers. */
    static Map<String, List<Chart>> bySection(List<Chart> charts) {
        Map<String, List<Chart>> sections = new LinkedHashMap<>();
        charts.forEach(chart -> sections.computeIfAbsent(chart.section(), key -> new ArrayList<>())
                .add(chart));
        return sections;
    }
}
