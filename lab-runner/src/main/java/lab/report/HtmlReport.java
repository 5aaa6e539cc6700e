package lab.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.page.PageResources;
import lab.page.ScriptJson;
import lab.runrecord.ResultsJson;
import lab.runrecord.RunResults;
import lab.runrecord.ScenarioSpec;
import lab.runrecord.VariantRun;

/** Renders report.html: the Mustache skeleton, inlined ECharts, embedded data, and report.js. */
final class HtmlReport {

    private static final String TITLE = "Blocking vs Reactive Lab — report";
    private static final Map<String, String> SECTION_TITLES = Map.of(
            ChartModel.LADDER, "Closed-model ladder",
            ChartModel.OPEN, "Open model",
            ChartModel.LIMITS, "Pod limits",
            ChartModel.TIMESERIES, "Second by second",
            ChartModel.WARMUP, "Warm-up",
            ChartModel.C10K, "c10k: thousands of requests in flight");
    private static final Map<String, String> SECTION_INTROS = Map.of(
            ChartModel.LADDER,
            "A fixed number of users per step, each waiting for its answer before asking again. Points are the median "
                    + "of the repeats, bars their min–max. Hollow points with dashed lines are steps the runner flagged "
                    + "as untrustworthy (hover for the reason).",
            ChartModel.OPEN,
            "Requests arrive at a fixed rate, as real traffic does, whether or not the service keeps up.",
            ChartModel.LIMITS,
            "The app ran under a pod's CPU quota and memory limit: how often the quota throttled it, and how close "
                    + "its memory came to the limit.",
            ChartModel.TIMESERIES,
            "Every variant on one time axis, one point per second (the median of the repeats); shaded spans are the "
                    + "scenario's phases. Hover a panel to see the same second in all of them.",
            ChartModel.WARMUP,
            "The chunks of load each variant ran before its first measured step, until throughput and CPU per "
                    + "request were stable.",
            ChartModel.C10K,
            "Every variant holds the same number of slow requests at once: what does each pay for them?");

    private final Template template = Mustache.compiler()
            .nullValue(Fmt.NONE)
            .emptyStringIsFalse(true)
            .withLoader(name -> new StringReader(PageResources.text("report/" + name + ".mustache")))
            .compile(PageResources.text("report/report.html.mustache"));

    String render(RunResults run, Narrative.Reading reading, List<Chart> charts) {
        Map<String, Object> context = new LinkedHashMap<>();
        ScenarioSpec scenario = run.scenario();
        context.put("title", scenario != null && scenario.title() != null ? scenario.title() + " — " + TITLE : TITLE);
        context.put("subtitle", Subtitle.of(run));
        context.put("generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        context.put("schemaVersion", run.schemaVersion());
        context.put("scenarioSummary", scenario == null ? "" : blankIfNull(scenario.summary()));
        context.put("scenarioReading", scenario == null ? "" : blankIfNull(scenario.reading()));
        context.put(
                "prediction",
                scenario == null || scenario.prediction() == null
                        ? ""
                        : blankIfNull(scenario.prediction().statement()));
        context.put("predictionModel", Runs.model(run));
        context.put("findings", reading.findings());
        context.put("warnings", reading.warnings());
        context.put("hasWarnings", !reading.warnings().isEmpty());
        Table bottlenecks = StepTables.bottlenecks(run);
        context.put("bottlenecks", bottlenecks);
        context.put(
                "hasBottlenecks",
                run.variants().stream().anyMatch(v -> !v.steps().isEmpty()));
        context.put("sections", sections(charts));
        context.put("variantsTable", StepTables.variants(run));
        Table invalid = StepTables.invalid(run);
        context.put("invalid", invalid);
        context.put("hasInvalid", !invalid.isEmpty());
        context.put("hasC10k", Runs.c10k(run));
        context.put("c10kTable", StepTables.c10k(run));
        context.put("variantTables", variantTables(run));
        FairnessTable fairness = FairnessTable.of(run);
        context.put("fairness", fairness);
        context.put("identicalCount", fairness.identical().size());
        context.put("scenarioTable", RunTables.scenario(run));
        context.put("environmentTable", RunTables.environment(run));
        context.put("reproductionTable", RunTables.reproduction(run));
        context.put("css", PageResources.text("report/report.css"));
        context.put("resultsJson", ScriptJson.of(ResultsJson.mapper().valueToTree(run)));
        context.put("chartsJson", ScriptJson.of(charts));
        context.put("echartsJs", PageResources.echarts());
        context.put("reportJs", PageResources.inlineable(PageResources.text("report/report.js")));
        return template.execute(context);
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }

    private static List<Map<String, Object>> variantTables(RunResults run) {
        List<Map<String, Object>> tables = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            Map<String, Object> t = new LinkedHashMap<>();
            int measurements =
                    variant.steps().stream().mapToInt(s -> s.repeats().size()).sum();
            t.put("name", variant.name());
            t.put("measurements", measurements + (measurements == 1 ? " measurement" : " measurements"));
            t.put("steps", StepTables.steps(run, variant));
            t.put("model", StepTables.model(variant));
            t.put("timeline", StepTables.timeline(variant));
            t.put("spread", StepTables.spread(variant));
            t.put("client", StepTables.client(variant));
            t.put("app", StepTables.app(variant));
            t.put("load", StepTables.load(variant));
            t.put("warmup", StepTables.warmup(variant));
            tables.add(t);
        }
        return tables;
    }

    private static List<Map<String, Object>> sections(List<Chart> charts) {
        List<Map<String, Object>> sections = new ArrayList<>();
        ChartModel.bySection(charts)
                .forEach((id, sectionCharts) -> sections.add(Map.of(
                        "id",
                        id,
                        "title",
                        SECTION_TITLES.getOrDefault(id, id),
                        "intro",
                        SECTION_INTROS.getOrDefault(id, ""),
                        "charts",
                        sectionCharts)));
        return sections;
    }
}
