package lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import lab.page.ScriptJson;
import lab.runrecord.ResultsFixtures;
import lab.runrecord.ResultsJson;
import lab.runrecord.RunResults;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The round trip of issue 11: a run with every field set to a distinct value goes through the one
 * writer into results.json, is read back by the report, and every field ends up where it should:
 * as text in report.html, or as a point of a chart. A field of {@code lab.runrecord} that the report
 * neither shows nor declares fails this test, so a new field cannot be silently dropped (or a
 * field read that is never written: the fixture is built from the records themselves).
 */
class ReportCoverageTest {

    @TempDir
    static Path dir;

    private static Page page;
    private static JsonNode tree;

    /** What the page shows, as a reader (and a test) sees it. */
    private record Page(String text, List<JsonNode> points, List<JsonNode> bands) {}

    /** One leaf of results.json: its path with indices and map keys generalised, its key, its value. */
    private record Leaf(String path, String pattern, String key, JsonNode value) {}

    /** Where a field must show: a check on the page for its value. */
    private interface Where {
        boolean on(Page page, Leaf leaf);
    }

    @BeforeAll
    static void renderTheEveryFieldRun() throws IOException {
        RunResults run = ResultsFixtures.everyField();
        ResultsJson.write(run, ResultsJson.in(dir));
        tree = ResultsJson.mapper().readTree(Files.readString(ResultsJson.in(dir)));
        ReportWriter.write(dir);
        Document html = Jsoup.parse(dir.resolve(ReportWriter.REPORT).toFile(), StandardCharsets.UTF_8.name());
        JsonNode charts =
                ScriptJson.COMPACT.readTree(html.getElementById("lab-charts").data());
        List<JsonNode> points = new ArrayList<>();
        List<JsonNode> bands = new ArrayList<>();
        charts.forEach(chart -> {
            chart.get("series").forEach(series -> series.get("data").forEach(points::add));
            if (chart.has("bands")) {
                chart.get("bands").forEach(bands::add);
            }
        });
        page = new Page(html.body().text(), points, bands);
    }

    private static final Map<String, Where> WHERE = new LinkedHashMap<>();

    private static void where(String pattern, Where check) {
        WHERE.put(pattern, check);
    }

    private static Where text(Function<JsonNode, String> shown) {
        return (p, leaf) -> p.text().contains(shown.apply(leaf.value()));
    }

    private static Where textAsIs() {
        return text(JsonNode::asString);
    }

    private static Where count() {
        return text(v -> Fmt.count(v.asDouble()));
    }

    private static Where duration() {
        return text(v -> Fmt.duration(v.asDouble()));
    }

    private static Where percent() {
        return text(v -> Fmt.percent(v.asDouble()));
    }

    private static Where cores() {
        return text(v -> Fmt.cores(v.asDouble()));
    }

    private static Where cpuMs() {
        return text(v -> Fmt.cpuMs(v.asDouble()));
    }

    private static Where seconds() {
        return text(v -> Fmt.shortSeconds(v.asDouble()));
    }

    /** A chart has a point whose value (or error-bar end) is {@code factor × value}. */
    private static Where chart(double factor) {
        return (p, leaf) -> {
            double value = factor * leaf.value().asDouble();
            return p.points().stream()
                    .anyMatch(point ->
                            matches(point, "y", value) || matches(point, "lo", value) || matches(point, "hi", value));
        };
    }

    private static boolean matches(JsonNode point, String field, double value) {
        return point.has(field) && Math.abs(point.get(field).asDouble() - value) < 1e-6;
    }

    static {
        where("schemaVersion", text(v -> "schema version " + v.asInt()));
        where("reproduce.gitCommit", textAsIs());
        where("reproduce.gitDirty", text(v -> v.asBoolean() ? "with uncommitted changes" : ""));
        where("reproduce.commandLine[]", textAsIs());
        where("reproduce.versions.*", textAsIs());
        where("environment.machine.(os|kernel|cpuModel|jdkHome)", textAsIs());
        where("environment.machine.cpus", text(v -> Fmt.count(v.asInt()) + " CPUs usable"));
        where("environment.machine.memTotalMiB", text(v -> Fmt.count(v.asLong()) + " MiB"));
        where("environment.machine.nofileLimit", count());
        where("environment.split.(appCpus|loadCpus)[]", textAsIs());
        where("environment.split.appCpuBudget", cores());
        where("environment.split.pinned", text(v -> "pinned " + Fmt.yesNo(v.asBoolean())));
        where("environment.split.quotaEnforced", text(v -> "CPU quota enforced " + Fmt.yesNo(v.asBoolean())));
        where("environment.split.description", textAsIs());
        where("environment.limits.(source|mechanism|javaToolOptions|note)", textAsIs());
        where("environment.limits.cpuMillis", text(v -> Fmt.millicores(v.asLong()) + " CPU"));
        where("environment.limits.memoryBytes", text(v -> Fmt.memoryLimit(v.asLong()) + " memory"));
        where("environment.limits.enforced", text(v -> "limits.enforced " + Fmt.yesNo(v.asBoolean())));
        where("environment.jvm.(app|stub|loadGenerator)[]", textAsIs());
        where("environment.(startedAt|finishedAt)", textAsIs());
        where("scenario.(name|title|summary|reading)", textAsIs());
        where("scenario.request.endpoint", textAsIs());
        where(
                "scenario.request.query.*",
                (p, leaf) -> p.text().contains(leaf.key() + "=" + leaf.value().asInt()));
        where("scenario.(variants|appArgs)[]", textAsIs());
        where("scenario.load.kind", text(v -> "load " + v.asString()));
        where("scenario.load.users[]", count());
        where("scenario.load.stepSeconds", text(v -> v.asInt() + " s measured"));
        where("scenario.load.rampSeconds", text(v -> "after a " + v.asInt() + " s ramp"));
        where("scenario.load.settleSeconds", text(v -> v.asInt() + " s to settle"));
        where("scenario.load.openRate", text(v -> Fmt.count(v.asInt()) + " req/s for"));
        where("scenario.load.openSeconds", text(v -> "req/s for " + v.asInt() + " s"));
        where("scenario.load.requestTimeoutMs", duration());
        where("scenario.phases[].name", textAsIs());
        where("scenario.phases[].atSecond", text(v -> "ms from " + v.asInt() + " s for"));
        where("scenario.phases[].seconds", text(v -> "for " + v.asInt() + " s"));
        where("scenario.phases[].extraLatencyMs", text(v -> "+" + Fmt.count(v.asInt()) + " ms"));
        where("scenario.prediction.model", text(v -> "model " + v.asString()));
        where("scenario.prediction.statement", textAsIs());
        where("scenario.repeats", text(v -> "repeats " + v.asInt()));
        where("scenario.warmup.users", text(v -> Fmt.count(v.asInt()) + " users"));
        where(
                "scenario.warmup.query.*",
                (p, leaf) -> p.text()
                        .contains("warm-up requests with " + leaf.key() + "="
                                + leaf.value().asInt()));
        where("scenario.warmup.chunkSeconds", text(v -> "chunks of " + v.asInt() + " s"));
        where("scenario.warmup.stableChunks", text(v -> "the last " + v.asInt() + " are"));
        where("scenario.warmup.tolerance", percent());
        where("scenario.warmup.maxSeconds", text(v -> "at most " + v.asInt() + " s"));
        where("scenario.quick.users[]", count());
        where("scenario.quick.stepSeconds", text(v -> v.asInt() + " s steps"));
        where("scenario.quick.openSeconds", text(v -> "open-model step " + v.asInt() + " s"));
        where("scenario.quick.repeats", text(v -> v.asInt() + " repeats;"));
        where("scenario.quick.warmupMaxSeconds", text(v -> "warm-up at most " + v.asInt() + " s"));

        where("variants[].(name|app|model)", textAsIs());
        where("variants[].launch.(jar|cgroup)", textAsIs());
        where("variants[].launch.(profiles|appArgs)[]", textAsIs());
        where(
                "variants[].launch.jvmFlags[]",
                (p, leaf) -> FairnessTable.jvmFlags(List.of(leaf.value().asString())).entrySet().stream()
                        .allMatch(flag -> p.text().contains("jvm " + flag.getKey())
                                && p.text().contains(flag.getValue())));
        where(
                "variants[].settings.*",
                (p, leaf) -> p.text().contains("settings." + leaf.key())
                        && p.text().contains(leaf.value().asString()));
        where("variants[].runtime.(availableProcessors|maxThreads|eventLoopThreads|virtualThreadParallelism)", count());
        where("variants[].runtime.maxHeapBytes", text(v -> Fmt.count(v.asLong() / Fmt.BYTES_PER_MIB)));
        where("variants[].runtime.gc[]", textAsIs());
        where("variants[].startupSeconds", seconds());
        where("variants[].warmup.users", text(v -> Fmt.count(v.asInt()) + " users"));
        where("variants[].warmup.(seconds|secondsToStable)", seconds());
        where("variants[].warmup.stable", text(v -> v.asBoolean() ? "stable after" : "never stable"));
        where("variants[].warmup.rule", textAsIs());
        where("variants[].warmup.chunks[].t", seconds());
        where("variants[].warmup.chunks[].throughputRps", count());
        where("variants[].warmup.chunks[].cpuMsPerRequest", cpuMs());
        where("variants[].warmup.chunks[].p99Ms", duration());
        where("variants[].warmup.chunks[].loadGenCpuMsPerRequest", cpuMs());
        where("variants[].ceilings.maxThreads", count());
        where("variants[].ceilings.perRequestOverheadMs", duration());
        where("variants[].ceilings.(threadCeilingRps|cpuCeilingRps)", text(v -> Fmt.rps(v.asDouble())));
        where("variants[].ceilings.cpuMsPerRequest", cpuMs());
        where("variants[].failure.kind", textAsIs());
        where("variants[].failure.message", textAsIs());
        where(
                "variants[].failure.atStep",
                (p, leaf) -> p.text().contains("from " + label(leaf.value().asString())));

        String step = "variants[].steps[].";
        where(step + "id", textAsIs());
        where(step + "load.model", text(v -> "(" + v.asString() + ")"));
        where(step + "load.users", text(v -> Fmt.count(v.asInt()) + " users"));
        where(step + "load.rate", text(v -> Fmt.count(v.asInt()) + " req/s"));
        where(step + "load.rampSeconds", text(v -> "after " + v.asInt() + " s ramp"));
        where(step + "load.steadySeconds", text(v -> v.asInt() + " s steady"));

        String m = step + "repeats[].";
        where(m + "repeat", textAsIs());
        where(m + "window.(start|end)", textAsIs());
        where(m + "window.seconds", seconds());
        where(m + "client.(throughputRps|offeredRps|ok|ko)", count());
        where(
                m + "client.errors.*",
                (p, leaf) -> p.text()
                        .contains(leaf.key() + ": " + Fmt.count(leaf.value().asLong())));
        where(m + "client.latency.*", duration());
        where(m + "server.*", duration());
        where(m + "app.cpuCores", cores());
        where(m + "app.cpuMsPerRequest", cpuMs());
        where(
                m
                        + "app.(rssMiB|osThreads|jvmThreadsLive|threadsBusyMax|eventLoopPendingMax|inFlightMax|failedScrapes)",
                count());
        where(m + "app.gc.(pauseShare|cpuShare)", percent());
        where(m + "app.gc.pauses", count());
        where(m + "app.gc.maxPauseMs", duration());
        where(m + "app.heap.*", count());
        where(m + "app.clientPool.*", count());
        where(m + "app.executor.*", count());
        where(m + "app.contextSwitchesPerRequest", text(v -> Fmt.decimal(v.asDouble(), 1)));
        where(m + "app.threadStacks.*", count());
        where(m + "cgroup.throttledShare", percent());
        where(m + "cgroup.throttledSeconds", seconds());
        where(m + "cgroup.(memoryPeakMiB|memoryLimitMiB|oomKills)", count());
        where(m + "loadSide.(gatlingCpuCores|stubCpuCores|loadCpuBudget|foreignCpuOnAppCores)", cores());
        where(m + "loadSide.(gatlingCpuMsPerRequest|stubCpuMsPerRequest)", cpuMs());
        where(m + "loadSide.stubOverheadMs", duration());
        where(m + "gatlingReport", textAsIs());
        where(
                m + "series[].t",
                (p, leaf) -> p.points().stream()
                        .anyMatch(point -> point.get("x").isNumber()
                                && point.get("x").asDouble() == leaf.value().asDouble()));
        where(m + "series[].throttledShare", chart(100));
        where(
                m + "series[].(offeredRps|throughputRps|p50Ms|p99Ms|ko|appCpuCores|rssMiB|threadsLive|threadsBusy"
                        + "|inFlight|eventLoopPending|gatlingCpuCores|stubCpuCores|healthProbeMs)",
                chart(1));

        where(step + "spread.throughputRps.(median|min|max)", count());
        where(step + "spread.(p50Ms|p99Ms).(median|min|max)", duration());
        where(step + "spread.cpuMsPerRequest.(median|min|max)", cpuMs());
        where(step + "spread.*.n", count());
        where(step + "spread.*.perSecondCv", percent());
        where(step + "prediction.(predictedRps|littlesLawRps|threadCeilingRps|cpuCeilingRps|poolCeilingRps)", count());
        where(step + "prediction.(basis|note)", textAsIs());
        where(step + "prediction.measuredOverPredicted", text(v -> Fmt.decimal(v.asDouble(), 2)));
        where(step + "verdict.valid", text(v -> v.asBoolean() ? StepTables.VALID : StepTables.INVALID));
        where(step + "verdict.reasons[]", textAsIs());
        where(step + "verdict.cold", text(v -> v.asBoolean() ? "(cold)" : ""));
        where(step + "verdict.limitsEnforced", text(v -> v.asBoolean() ? "" : "were not enforced"));
        where(
                step + "bottleneck.cause",
                text(v -> Words.causeShort(lab.runrecord.StepRun.Bottleneck.Cause.valueOf(v.asString()))));
        where(step + "bottleneck.figure", textAsIs());
        where(step + "bottleneck.value", percent());
        where(step + "timeline.phases[].name", textAsIs());
        // also the shaded spans of the time-series panels, placed on the run's time axis (ReportWriterTest)
        where(step + "timeline.phases[].(startT|endT)", text(v -> Fmt.decimal(v.asDouble(), 1)));
        where(step + "timeline.phases[].extraLatencyMs", text(v -> "(+" + Fmt.count(v.asInt()) + " ms)"));
        where(step + "timeline.baselineP99Ms", duration());
        where(step + "timeline.(peakInFlight|predictedPeakQueue|steadyRps)", count());
        where(step + "timeline.(recoverySeconds|predictedRecoverySeconds|secondsTo90Percent)", seconds());
    }

    @Test
    void everyFieldIsShownWhereItShould() {
        List<Leaf> leaves = new ArrayList<>();
        leaves("", "", tree, leaves);
        List<String> undeclared = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Leaf leaf : leaves) {
            Where where = WHERE.entrySet().stream()
                    .filter(e -> Pattern.matches(regex(e.getKey()), leaf.pattern()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            if (where == null) {
                undeclared.add(leaf.pattern());
            } else if (!where.on(page, leaf)) {
                missing.add(leaf.path() + " = " + leaf.value());
            }
        }

        assertThat(leaves).hasSizeGreaterThan(400);
        assertThat(undeclared)
                .as("fields of lab.runrecord the report does not place")
                .isEmpty();
        assertThat(missing)
                .as("fields not found where the report should show them")
                .isEmpty();
    }

    /** Every rule is used: a rule for a field that no longer exists is a stale promise. */
    @Test
    void everyRuleMatchesAField() {
        List<Leaf> leaves = new ArrayList<>();
        leaves("", "", tree, leaves);

        List<String> unused = WHERE.keySet().stream()
                .filter(rule -> leaves.stream().noneMatch(leaf -> Pattern.matches(regex(rule), leaf.pattern())))
                .toList();

        assertThat(unused).isEmpty();
    }

    /** The label the report gives the step of that id: "20,017 users" or "open model at 20,017 req/s". */
    private static String label(String id) {
        for (JsonNode variant : tree.get("variants")) {
            for (JsonNode step : variant.get("steps")) {
                if (step.get("id").asString().equals(id)) {
                    JsonNode load = step.get("load");
                    return "open".equals(load.get("model").asString())
                            ? "open model at " + Fmt.count(load.get("rate").asInt()) + " req/s"
                            : Fmt.count(load.get("users").asInt()) + " users";
                }
            }
        }
        return "no step " + id;
    }

    /** "a.b[].(x|y)" and "a.*": dots and brackets literal, "*" any rest of the path. */
    private static String regex(String rule) {
        return rule.replace(".", "\\.").replace("[]", "\\[]").replace("*", ".+");
    }

    private static final Pattern MAPS = Pattern.compile("(.*\\.(?:query|errors|settings))\\.(.+)");

    private static void leaves(String path, String pattern, JsonNode node, List<Leaf> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                String childPattern = pattern.isEmpty() ? e.getKey() : pattern + "." + e.getKey();
                leaves(childPath, childPattern, e.getValue(), into);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(path + "[" + i + "]", pattern + "[]", node.get(i), into);
            }
        } else if (!node.isNull()) {
            var map = MAPS.matcher(pattern);
            if (map.matches()) {
                into.add(new Leaf(path, map.group(1) + ".*", map.group(2), node));
            } else {
                into.add(new Leaf(path, pattern, "", node));
            }
        }
    }
}
