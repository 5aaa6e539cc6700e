package lab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import lab.page.PageResources;
import lab.page.ScriptJson;
import lab.runrecord.ResultsFixtures;
import lab.runrecord.ResultsJson;
import lab.runrecord.RunResults;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** report.html and summary.md of the realistic runs, read back the way a browser would. */
class ReportWriterTest {

    private static final List<String> VARIANTS = List.of("mvc", "mvc-vt", "webflux");

    /** The ladder's report, written once: most tests only read it. */
    @TempDir
    static Path shared;

    private static Document ladder;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeTheLadderReport() throws IOException {
        Fixtures.writeResults(shared, Fixtures.run(Fixtures.LADDER));
        ReportWriter.write(shared);
        ladder = parse(shared);
    }

    private Document render(RunResults run) throws IOException {
        Fixtures.writeResults(dir, run);
        ReportWriter.write(dir);
        return parse(dir);
    }

    private static Document parse(Path reportDir) throws IOException {
        // Jsoup parses like a browser (HTML5 tree builder): a stray </script> would end the element here too.
        return Jsoup.parse(reportDir.resolve(ReportWriter.REPORT).toFile(), StandardCharsets.UTF_8.name());
    }

    private static JsonNode json(Document html, String id) {
        Element script = html.getElementById(id);
        assertThat(script).as("script #" + id).isNotNull();
        return ScriptJson.COMPACT.readTree(script.data());
    }

    @Test
    void writesBothFilesNextToTheResults() throws IOException {
        Fixtures.writeResults(dir, Fixtures.run(Fixtures.LADDER));

        String summary = ReportWriter.write(dir);

        assertThat(dir.resolve(ReportWriter.REPORT)).isNotEmptyFile();
        assertThat(dir.resolve(ReportWriter.SUMMARY)).hasContent(summary);
    }

    @Test
    void aVersionOneRunIsRefusedAndNothingIsWritten() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("report/results-v1.json")) {
            Files.write(ResultsJson.in(dir), in.readAllBytes());
        }

        assertThatThrownBy(() -> ReportWriter.write(dir))
                .isInstanceOf(ResultsJson.Unreadable.class)
                .hasMessageContaining("schema version 1");
        assertThat(dir.resolve(ReportWriter.REPORT)).doesNotExist();
    }

    @Test
    void inlinesTheWholeEchartsLibraryAndLoadsNothingFromOutside() {
        assertThat(ladder.select("script").eachAttr("src")).isEmpty();
        assertThat(ladder.select("link[href], img[src], iframe, object")).isEmpty();
        assertThat(ladder.select("script").stream().map(Element::data))
                .anyMatch(script -> script.contains(PageResources.echarts()));
        assertThat(PageResources.echarts()).contains("echarts").hasSizeGreaterThan(500_000);
    }

    @Test
    void embeddedResultsParseBackEqualToTheFile() throws IOException {
        JsonNode file = ResultsJson.mapper().readTree(Files.readString(ResultsJson.in(shared)));

        assertThat(json(ladder, "lab-results")).isEqualTo(file);
    }

    @Test
    void everyChartHasAContainerAndEveryVariantItsSeries() {
        JsonNode charts = json(ladder, "lab-charts");

        List<String> ids = ids(charts);
        assertThat(ids)
                .containsExactly(
                        "chart-throughput",
                        "chart-latency",
                        "chart-server-latency",
                        "chart-threads",
                        "chart-rss",
                        "chart-cpu",
                        "chart-errors",
                        "chart-open-model",
                        "chart-warmup",
                        "chart-warmup-cpu");
        ids.forEach(id ->
                assertThat(ladder.getElementById(id)).as("container #" + id).isNotNull());
        for (String variant : VARIANTS) {
            assertThat(seriesNames(charts, "chart-throughput")).contains(variant, variant + " predicted");
            assertThat(seriesNames(charts, "chart-latency")).contains(variant + " p50", variant + " p99");
            assertThat(seriesNames(charts, "chart-server-latency"))
                    .contains(variant + " client p99", variant + " server p99", variant + " server mean");
            assertThat(seriesNames(charts, "chart-threads")).contains(variant);
            assertThat(seriesNames(charts, "chart-rss")).contains(variant);
            assertThat(seriesNames(charts, "chart-cpu"))
                    .contains(variant + " app", variant + " Gatling", variant + " stub");
            assertThat(categories(charts, "chart-open-model")).contains(variant);
            assertThat(seriesNames(charts, "chart-warmup")).contains(variant + " throughput", variant + " p99");
        }
        assertThat(seriesNames(charts, "chart-errors"))
                .containsExactly(
                        "mvc-vt: j.i.IOException: Premature close",
                        "mvc-vt: status.find.in(200..399), but actually found 504");
    }

    @Test
    void throughputHasErrorBarsTheModelLinesAndThePredictions() {
        JsonNode throughput = chart(json(ladder, "lab-charts"), "chart-throughput");

        JsonNode at200 = point(series(throughput, "mvc"), "200");
        assertThat(at200.get("y").asDouble()).isEqualTo(1880.0);
        assertThat(at200.get("lo").asDouble()).isEqualTo(1871.0);
        assertThat(at200.get("hi").asDouble()).isEqualTo(1890.0);
        assertThat(series(throughput, "Little's law: users / 0.100 s")
                        .get("data")
                        .get(0)
                        .get("y")
                        .asDouble())
                .isEqualTo(500.0);
        // 200 threads / (0.100 s + 0.006 s) = 1,887 rps, from the variant's ceilings
        JsonNode threads = series(throughput, "mvc thread ceiling: 200 / (0.100 s + 0.006 s)");
        assertThat(threads.get("data").get(0).get("y").asDouble())
                .isCloseTo(1886.8, org.assertj.core.data.Offset.offset(0.1));
        assertThat(seriesNames(throughput))
                .contains(
                        "mvc CPU ceiling: 1.00 CPU / 0.200 ms",
                        "mvc-vt CPU ceiling: 1.00 CPU / 0.195 ms",
                        "webflux CPU ceiling: 1.00 CPU / 0.112 ms")
                .noneMatch(
                        name -> name.startsWith("mvc-vt thread ceiling") || name.startsWith("webflux thread ceiling"));
        assertThat(point(series(throughput, "mvc predicted"), "3200").get("y").asDouble())
                .isCloseTo(1886.8, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void theServerSideTimerIsDrawnBesideTheClientSide() {
        JsonNode latency = chart(json(ladder, "lab-charts"), "chart-server-latency");

        assertThat(point(series(latency, "mvc server p99"), "3200").get("y").asDouble())
                .isEqualTo(131.0);
        assertThat(point(series(latency, "mvc client p99"), "3200").get("y").asDouble())
                .isEqualTo(1800.0);
    }

    @Test
    void theLoadSidesCpuPerRequestIsDrawnBesideTheApps() {
        JsonNode cpu = chart(json(ladder, "lab-charts"), "chart-cpu");

        assertThat(point(series(cpu, "webflux Gatling"), "800").get("y").asDouble())
                .isEqualTo(0.19);
        assertThat(point(series(cpu, "webflux stub"), "800").get("y").asDouble())
                .isEqualTo(0.057);
        assertThat(point(series(cpu, "webflux app"), "800").get("y").asDouble()).isLessThan(0.19);
    }

    @Test
    void invalidStepsAreListedWithReasonsAndMarkedInTheCharts() {
        Element row = ladder.select("table#invalid tbody tr").first();
        assertThat(row).isNotNull();
        assertThat(row.select("td").eachText())
                .containsExactly(
                        "webflux",
                        "3,200 users",
                        "load generator saturated: Gatling used 0.99 of its 1 CPU (limit 0.95)");
        assertThat(ladder.select("table#invalid tbody tr")).hasSize(1);

        JsonNode webflux = series(chart(json(ladder, "lab-charts"), "chart-throughput"), "webflux");
        List<String> reasons = new ArrayList<>();
        webflux.get("data").forEach(point -> {
            if (point.has("reason")) {
                reasons.add(
                        point.get("x").asString() + ": " + point.get("reason").asString());
            }
        });
        assertThat(reasons)
                .containsExactly("3200: load generator saturated: Gatling used 0.99 of its 1 CPU (limit 0.95)");
        assertThat(ladder.select("table#steps-webflux tr.invalid")).hasSize(1);
    }

    @Test
    void everyStepHasItsBottleneckInATable() {
        List<String> rows = ladder.select("table#bottlenecks tbody tr").eachText();

        assertThat(rows)
                .contains(
                        "200 users thread pool: 200 of 200 threads busy load: asked for 2000 rps load: asked for 2000 rps",
                        "1,600 users thread pool: 200 of 200 threads busy cpu: 0.98 of 1 CPU cpu: 0.95 of 1 CPU",
                        "3,200 users thread pool: 200 of 200 threads busy cpu: 0.98 of 1 CPU (invalid step)");
    }

    @Test
    void stepTablesShowMediansRangesAndThePerSecondDispersion() {
        Element row = ladder.select("table#steps-mvc tbody tr").get(2);
        List<String> headers = ladder.select("table#steps-mvc thead th").eachText();

        assertThat(row.select("td").get(headers.indexOf("rps")).text()).isEqualTo("1,880 (1,871–1,890)");
        assertThat(row.select("td").get(headers.indexOf("per-s CV")).text()).isEqualTo("3.0 %");
        assertThat(row.select("td").get(headers.indexOf("p50")).text()).isEqualTo("106 ms (105–107)");
        assertThat(row.select("td").get(headers.indexOf("server p99")).text()).isEqualTo("138 ms");
        assertThat(headers)
                .contains("Gatling CPU ms / req", "stub CPU ms / req")
                .doesNotContain("throttled");
    }

    @Test
    void fairnessShowsEverySettingThatDiffersWithEveryValue() throws IOException {
        RunResults run = ResultsFixtures.run("ladder", "ladder", "littles-law")
                .variant("mvc", "thread-per-request", v -> v.maxThreads(200).step(50, s -> s.rps(480)))
                .variant("mvc-vt", "virtual-threads", v -> v.step(50, s -> s.rps(470)))
                .build();
        JsonNode tree = ResultsFixtures.tree(run);
        ArrayNode flags = (ArrayNode) tree.get("variants").get(1).get("launch").get("jvmFlags");
        flags.set(1, flags.stringNode("-Xmx512m"));
        Fixtures.writeResults(dir, tree);
        ReportWriter.write(dir);
        Document html = parse(dir);

        assertThat(html.select("table#fairness-differing thead th").eachText())
                .containsExactly("setting that differs", "mvc", "mvc-vt");
        assertThat(html.select("table#fairness-differing tbody tr").eachText())
                .contains(
                        "model thread-per-request virtual-threads",
                        "launch.profiles none virtual",
                        "jvm -Xmx 1024m 512m",
                        "runtime.maxThreads 200 —",
                        "settings.server.virtualThreads false true",
                        "settings.server.maxThreads 200 (not set)");
        assertThat(html.select("table#fairness-identical tbody tr").eachText())
                .contains("jvm -XX:UseG1GC on", "jvm -Xms 1024m", "settings.downstream.maxConnections 10000");
    }

    @Test
    void theEnvironmentAndHowToReproduceItAreShown() {
        String environment = ladder.select("table#environment-table").text();
        String reproduction = ladder.select("table#reproduction").text();

        assertThat(environment)
                .contains("app on CPU 1 (-XX:ActiveProcessorCount=1), stub + Gatling on CPU 0")
                .contains("-Xms1024m -Xmx1024m -XX:+UseG1GC");
        assertThat(reproduction)
                .contains("e337d0ecfa2b8041d7d52a2a8b41cab5997e544e")
                .contains("./lab compare --scenario ladder")
                .contains("Reactor Netty 1.3.1");
    }

    @Test
    void podLimitsGetThrottlingAndMemoryChartsAndTheOomKill() throws IOException {
        Document html = render(Fixtures.run(Fixtures.LIMITS));
        JsonNode charts = json(html, "lab-charts");

        assertThat(ids(charts)).contains("chart-throttling", "chart-memory");
        assertThat(point(series(chart(charts, "chart-throttling"), "webflux"), "1600")
                        .get("y")
                        .asDouble())
                .isCloseTo(55.0, org.assertj.core.data.Offset.offset(1e-9));
        JsonNode memory = chart(charts, "chart-memory");
        assertThat(series(memory, "limit 448Mi").get("data").get(0).get("y").asDouble())
                .isEqualTo(448.0);
        assertThat(point(series(memory, "mvc-vt OOM-killed"), "1600")
                        .get("reason")
                        .asString())
                .isEqualTo("OOM-killed by the 448Mi limit at 1,600 users (memory.events oom_kill 1)");
        assertThat(html.select("table#variants").text()).contains("OOM-killed by the 448Mi limit at 1,600 users");
        assertThat(html.select("table#steps-mvc thead th").eachText()).contains("throttled", "memory peak (MiB)");
    }

    @Test
    void aTimeSeriesScenarioGetsPanelsOnOneTimeAxisWithItsPhasesShaded() throws IOException {
        Document html = render(Fixtures.run(Fixtures.SLOWDOWN));
        JsonNode charts = json(html, "lab-charts");

        List<String> panels =
                ids(charts).stream().filter(id -> id.startsWith("chart-ts-")).toList();
        assertThat(panels)
                .containsExactly(
                        "chart-ts-rate",
                        "chart-ts-latency",
                        "chart-ts-inflight",
                        "chart-ts-threads",
                        "chart-ts-errors",
                        "chart-ts-cpu",
                        "chart-ts-rss");
        for (String id : panels) {
            JsonNode panel = chart(charts, id);
            assertThat(panel.get("x").get("type").asString()).isEqualTo("time");
            assertThat(panel.get("group").asString()).isEqualTo(TimeSeriesCharts.GROUP);
            assertThat(panel.get("bands").get(0).get("name").asString()).isEqualTo("slow downstream (+900 ms)");
            // where the runner saw the phase: mvc 20.4–40.6 s, webflux 20.2–40.3 s; one span covers both
            assertThat(panel.get("bands").get(0).get("from").asDouble()).isEqualTo(20.2);
            assertThat(panel.get("bands").get(0).get("to").asDouble()).isEqualTo(40.6);
        }
        JsonNode rate = chart(charts, "chart-ts-rate");
        assertThat(seriesNames(rate)).contains("mvc achieved", "mvc offered", "webflux achieved", "webflux offered");
        assertThat(point(series(rate, "mvc achieved"), 25).get("y").asDouble()).isEqualTo(200.0);
        assertThat(seriesNames(chart(charts, "chart-ts-threads")))
                .contains("mvc busy threads", "webflux event-loop pending");
        assertThat(ids(charts)).doesNotContain("chart-throughput");
        assertThat(html.select("table#timeline-mvc tbody tr").eachText())
                .containsExactly(
                        "open model at 1,000 req/s slow downstream (+900 ms) 20.4–40.6 110 ms 15,400 16,020 6 s 8 s — —");
    }

    @Test
    void c10kGetsItsTableAndCharts() throws IOException {
        Document html = render(Fixtures.run(Fixtures.C10K));

        assertThat(ids(json(html, "lab-charts")))
                .containsSubsequence(
                        "chart-c10k-memory",
                        "chart-c10k-threads",
                        "chart-c10k-latency",
                        "chart-c10k-errors",
                        "chart-c10k-switches")
                .doesNotContain("chart-throughput");
        List<String> headers = html.select("table#c10k thead th").eachText();
        Element mvc10k = html.select("table#c10k tbody tr").get(3);
        assertThat(mvc10k.select("td").get(0).text()).isEqualTo("mvc-10k");
        assertThat(mvc10k.select("td").get(headers.indexOf("OS threads")).text())
                .isEqualTo("9,742");
        assertThat(mvc10k.select("td").get(headers.indexOf("RSS (MiB)")).text()).isEqualTo("3,223");
        assertThat(mvc10k.select("td")
                        .get(headers.indexOf("context switches / req"))
                        .text())
                .isEqualTo("5.4");
        assertThat(mvc10k.select("td").get(headers.indexOf("NMT threads")).text())
                .isEqualTo("8,570");
        assertThat(mvc10k.select("td")
                        .get(headers.indexOf("thread stacks reserved / committed (MiB)"))
                        .text())
                .isEqualTo("8,570 / 796");
        assertThat(seriesNames(json(html, "lab-charts"), "chart-c10k-memory"))
                .contains("RSS (MiB)", "thread stacks reserved (MiB)", "thread stacks committed (MiB)");
        assertThat(Files.readString(dir.resolve(ReportWriter.SUMMARY)))
                .contains("## c10k")
                .contains("| mvc-10k | 9,700 |");
    }

    @Test
    void aC10kVariantThatDiedBeforeItsWindowKeepsItsRowWithWhatItHeld() throws IOException {
        String died = "died of OutOfMemoryError at 9,700 users, 6 s into its 10 s ramp (4,850–5,820 users had sent"
                + " their request) (190 in flight in the app; 226 OS threads, RSS 402 MiB) (see logs/mvc.log)";
        RunResults run = ResultsFixtures.run("c10k", "c10k", "c10k")
                .title("c10k")
                .delayMs(10_000)
                .users(9700)
                .repeats(1)
                .variant("mvc", "thread-per-request", v -> v.maxThreads(200).failure("out-of-memory", died, "u9700"))
                .variant(
                        "webflux",
                        "event-loop",
                        v -> v.step(9700, s -> s.rps(803).osThreads(31).rss(1315)))
                .build();

        Document html = render(run);

        Element mvc = html.select("table#c10k tbody tr").get(0);
        assertThat(mvc.select("td").get(0).text()).isEqualTo("mvc");
        assertThat(mvc.select("td").last().text()).isEqualTo("NO: " + died);
        assertThat(html.select("table#variants").text()).contains(died).doesNotContain("(died of");
    }

    @Test
    void aClosingScriptTagInsideAStringDoesNotBreakThePage() throws IOException {
        String hostile = "</script><script>window.injected = true</script><!-- <SCRIPT>";
        JsonNode tree = Fixtures.tree(Fixtures.LADDER);
        ((ObjectNode) tree.get("environment").get("split")).put("description", hostile);
        ArrayNode reasons = (ArrayNode)
                tree.get("variants").get(2).get("steps").get(6).get("verdict").get("reasons");
        reasons.set(0, reasons.stringNode(hostile));
        Fixtures.writeResults(dir, tree);

        ReportWriter.write(dir);
        Document html = parse(dir);

        assertThat(json(html, "lab-results")).isEqualTo(tree);
        assertThat(json(html, "lab-charts")).isNotNull();
        assertThat(html.select("script")).hasSize(4);
        assertThat(html.select("script").eachAttr("id")).containsExactly("lab-results", "lab-charts");
        assertThat(Files.readString(dir.resolve(ReportWriter.REPORT)))
                .doesNotContain("window.injected = true</script>");
        assertThat(html.select("table#invalid td").eachText()).contains(hostile);
    }

    @Test
    void theSummaryHasOneRowPerStepOfEveryVariant() throws IOException {
        List<String> lines = Files.readAllLines(shared.resolve(ReportWriter.SUMMARY));
        int header = lines.indexOf(
                "| step | variant | rps | predicted | p50 | p99 | server p99 | errors | bottleneck | valid |");
        assertThat(header).isPositive();
        List<String> rows = lines.subList(header + 2, lines.size()).stream()
                .takeWhile(line -> line.startsWith("|"))
                .toList();

        assertThat(rows).hasSize(3 * 8);
        assertThat(rows)
                .contains(
                        "| 200 users | mvc | 1,880 (1,871–1,890) | 1,887 | 106 ms (105–107) | 133 ms (132–134) | 138 ms | 0 | thread pool | yes |",
                        "| 3,200 users | webflux | 8,300 (8,200–8,390) | 8,929 | 386 ms (382–389) | 482 ms (477–487) | 137 ms | 0 | load side | NO: load generator saturated: Gatling used 0.99 of its 1 CPU (limit 0.95) |");
    }

    private static List<String> ids(JsonNode charts) {
        return StreamSupport.stream(charts.spliterator(), false)
                .map(c -> c.get("id").asString())
                .toList();
    }

    private static JsonNode chart(JsonNode charts, String id) {
        return StreamSupport.stream(charts.spliterator(), false)
                .filter(c -> c.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no chart " + id));
    }

    private static JsonNode series(JsonNode chart, String name) {
        return StreamSupport.stream(chart.get("series").spliterator(), false)
                .filter(s -> s.get("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no series " + name + " in " + seriesNames(chart)));
    }

    private static JsonNode point(JsonNode series, Object x) {
        return StreamSupport.stream(series.get("data").spliterator(), false)
                .filter(p -> x instanceof String
                        ? p.get("x").asString().equals(x)
                        : p.get("x").asDouble() == ((Number) x).doubleValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no point at " + x + " in " + series.get("name")));
    }

    private static List<String> seriesNames(JsonNode chart) {
        return StreamSupport.stream(chart.get("series").spliterator(), false)
                .map(s -> s.get("name").asString())
                .toList();
    }

    private static List<String> seriesNames(JsonNode charts, String id) {
        return seriesNames(chart(charts, id));
    }

    private static List<String> categories(JsonNode charts, String id) {
        return StreamSupport.stream(chart(charts, id).get("x").get("categories").spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }
}
