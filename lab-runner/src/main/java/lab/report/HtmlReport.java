package lab.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders report.html: the Mustache skeleton, inlined ECharts, embedded data, and report.js. */
final class HtmlReport {

    private static final String TITLE = "Blocking vs Reactive Lab — report";
    private static final Map<String, String> SECTION_TITLES = Map.of(
            ChartModel.LADDER, "Closed-model ladder",
            ChartModel.OPEN, "Open model",
            ChartModel.C10K, "c10k: thousands of requests in flight");
    private static final Map<String, String> SECTION_INTROS = Map.of(
            ChartModel.LADDER,
                    "A fixed number of users per step, each waiting for its answer before asking again. "
                            + "Hollow points with dashed lines are steps the runner flagged as untrustworthy (hover for the reason).",
            ChartModel.OPEN,
                    "Requests arrive at a fixed rate, as real traffic does, whether or not the service keeps up.",
            ChartModel.C10K,
                    "Every variant holds the same number of slow requests at once: what does each pay for them?");

    private final Template template =
            Mustache.compiler().nullValue("—").compile(Resources.text("report/report.html.mustache"));

    String render(Results results, Narrative.Reading reading, List<Chart> charts) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("title", TITLE);
        context.put("subtitle", Subtitle.of(results));
        context.put("generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        context.put("findings", reading.findings());
        context.put("warnings", reading.warnings());
        context.put("hasWarnings", !reading.warnings().isEmpty());
        context.put("sections", sections(charts));
        List<InvalidStep> invalid = InvalidStep.all(results);
        context.put("invalid", invalid);
        context.put("hasInvalid", !invalid.isEmpty());
        context.put("stepTables", StepRows.ladder(results));
        List<Map<String, Object>> openRows = StepRows.open(results);
        context.put("openRows", openRows);
        context.put("hasOpen", !openRows.isEmpty());
        context.put("hasC10k", results.c10k().isPresent());
        results.c10k().ifPresent(c10k -> {
            context.put("c10kRows", StepRows.c10k(c10k));
            context.put("c10kInFlight", Fmt.count(c10k.inFlight()));
            context.put("c10kSeed", Fmt.count(c10k.seedEstimateMiB()));
        });
        FairnessTable fairness = FairnessTable.of(results);
        context.put("fairness", fairness);
        context.put("identicalCount", fairness.identical().size());
        context.put("environment", environment(results));
        context.put("css", Resources.text("report/report.css"));
        context.put("resultsJson", ScriptJson.of(results.raw()));
        context.put("chartsJson", ScriptJson.of(charts));
        context.put("echartsJs", Resources.echarts());
        context.put("reportJs", Resources.inlineable(Resources.text("report/report.js")));
        return template.execute(context);
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

    private static List<Map<String, String>> environment(Results results) {
        List<Map<String, String>> rows = new ArrayList<>();
        Settings.flatten(results.environment())
                .forEach((key, value) -> rows.add(Map.of("key", key, "value", Settings.display(value))));
        return rows;
    }
}
