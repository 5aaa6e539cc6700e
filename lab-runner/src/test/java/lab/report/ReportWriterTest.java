package lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** report.html and summary.md generated from the fixture run, read back the way a browser would. */
class ReportWriterTest {

    private static final List<String> VARIANTS = List.of("mvc", "mvc-vt", "webflux");
    private static final List<String> CHART_IDS = List.of(
            "chart-throughput",
            "chart-latency",
            "chart-threads",
            "chart-rss",
            "chart-cpu",
            "chart-errors",
            "chart-open-model",
            "chart-c10k-memory",
            "chart-c10k-threads",
            "chart-c10k-latency",
            "chart-c10k-switches");

    /** The fixture's report, written once: most tests only read it. */
    @TempDir
    static Path shared;

    private static Document sharedHtml;

    @TempDir
    Path dir;

    private JsonNode fixture;

    @BeforeAll
    static void writeFixtureReport() throws IOException {
        Fixtures.writeResults(shared, Fixtures.fixtureTree());
        ReportWriter.write(shared);
        sharedHtml = parse(shared);
    }

    @BeforeEach
    void writeFixture() throws IOException {
        fixture = Fixtures.fixtureTree();
        Fixtures.writeResults(dir, fixture);
    }

    /** The fixture's report (already written). */
    private static Document html() {
        return sharedHtml;
    }

    /** Writes and parses the report of whatever results.json {@link #dir} holds now. */
    private Document render() throws IOException {
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
        return ResultsReader.MAPPER.readTree(script.data());
    }

    @Test
    void writesBothFilesNextToTheResults() {
        String summary = ReportWriter.write(dir);

        assertThat(dir.resolve(ReportWriter.REPORT)).isNotEmptyFile();
        assertThat(dir.resolve(ReportWriter.SUMMARY)).hasContent(summary);
    }

    @Test
    void inlinesTheWholeEchartsLibraryAndLoadsNothingFromOutside() throws IOException {
        Document html = html();

        assertThat(html.select("script").eachAttr("src")).isEmpty();
        assertThat(html.select("link[href], img[src], iframe, object")).isEmpty();
        assertThat(html.select("script").stream().map(Element::data))
                .anyMatch(script -> script.contains(Resources.echarts()));
        assertThat(Resources.echarts()).contains("echarts").hasSizeGreaterThan(500_000);
    }

    @Test
    void embeddedResultsParseBackEqualToTheFile() {
        assertThat(json(html(), "lab-results")).isEqualTo(fixture);
    }

    @Test
    void everyChartHasAContainerAndEveryVariantItsSeries() throws IOException {
        Document html = html();
        JsonNode charts = json(html, "lab-charts");

        List<String> ids = StreamSupport.stream(charts.spliterator(), false)
                .map(c -> c.get("id").asString())
                .toList();
        assertThat(ids).containsExactlyElementsOf(CHART_IDS);
        ids.forEach(
                id -> assertThat(html.getElementById(id)).as("container #" + id).isNotNull());

        for (String variant : VARIANTS) {
            assertThat(seriesNames(charts, "chart-throughput")).contains(variant);
            assertThat(seriesNames(charts, "chart-latency"))
                    .contains(variant + " p50", variant + " p99", variant + " server mean");
            assertThat(seriesNames(charts, "chart-threads")).contains(variant);
            assertThat(seriesNames(charts, "chart-rss")).contains(variant);
            assertThat(seriesNames(charts, "chart-cpu")).contains(variant);
            assertThat(categories(charts, "chart-open-model")).contains(variant);
        }
        assertThat(categories(charts, "chart-c10k-memory")).containsExactly("mvc", "mvc-10k", "mvc-vt", "webflux");
        assertThat(seriesNames(charts, "chart-c10k-memory"))
                .contains(
                        "thread stacks reserved (MiB)",
                        "thread stacks committed (MiB)",
                        "seed estimate: 10,000 × 1 MB");
        assertThat(seriesNames(charts, "chart-errors"))
                .containsExactly(
                        "mvc-vt: j.i.IOException: Premature close",
                        "mvc-vt: status.find.in(200..399), but actually found 504");
    }

    @Test
    void throughputChartDrawsLittlesLawAndOnlyTheBoundedPoolsCeiling() throws IOException {
        JsonNode charts = json(html(), "lab-charts");
        JsonNode throughput = chart(charts, "chart-throughput");

        assertThat(seriesNames(charts, "chart-throughput"))
                .contains("Little's law: users / 0.100 s", "mvc thread-pool ceiling: 200 / 0.100 s")
                .noneMatch(name -> name.startsWith("mvc-vt thread-pool") || name.startsWith("webflux thread-pool"));
        JsonNode littles = series(throughput, "Little's law: users / 0.100 s");
        assertThat(littles.get("data").get(0).get("y").asDouble()).isEqualTo(500.0);
        JsonNode ceiling = series(throughput, "mvc thread-pool ceiling: 200 / 0.100 s");
        assertThat(ceiling.get("data").get(0).get("y").asDouble()).isEqualTo(2000.0);
    }

    @Test
    void invalidStepsAreListedWithReasonsAndMarkedInTheCharts() throws IOException {
        Document html = html();

        Element row = html.select("table.invalid tbody tr").first();
        assertThat(row).isNotNull();
        assertThat(row.select("td").eachText())
                .containsExactly(
                        "webflux",
                        "at 3,200 users",
                        "load generator saturated: Gatling used 0.99 of its 1 CPU (limit 0.95)");
        assertThat(html.select("table.invalid tbody tr")).hasSize(1);

        JsonNode webflux = series(chart(json(html, "lab-charts"), "chart-throughput"), "webflux");
        List<String> reasons = new ArrayList<>();
        webflux.get("data").forEach(point -> {
            if (point.has("reason")) {
                reasons.add(point.get("x").asInt() + ": " + point.get("reason").asString());
            }
        });
        assertThat(reasons)
                .containsExactly("3200: load generator saturated: Gatling used 0.99 of its 1 CPU (limit 0.95)");
        assertThat(html.select("tr.invalid")).hasSize(1);
    }

    @Test
    void theReadingIsOnThePage() throws IOException {
        Document html = html();

        assertThat(html.select("ul.findings li").eachText())
                .anyMatch(line -> line.startsWith("mvc reached its ceiling of 1,905 rps at 200 users"));
        assertThat(html.select("ul.warnings li").eachText())
                .singleElement()
                .asString()
                .contains("webflux at 3,200 users");
    }

    @Test
    void fairnessTableShowsWhatDiffersBetweenVariantsAndFromDefaults() throws IOException {
        Document html = html();

        List<String> differing = html.select("#fairness table.settings")
                .get(1)
                .select("tbody tr")
                .eachText();
        assertThat(differing)
                .contains(
                        "model thread-per-request virtual-threads event-loop",
                        "server.virtualThreads false true false");
        assertThat(html.select("#fairness table.settings")
                        .get(0)
                        .select("tr.changed")
                        .eachText())
                .containsExactly("stepSeconds 30 60 changed");
    }

    @Test
    void aClosingScriptTagInsideAStringDoesNotBreakThePage() throws IOException {
        String hostile = "</script><script>window.injected = true</script><!-- <SCRIPT>";
        ((ObjectNode) fixture.get("environment")).put("note", hostile);
        ((ObjectNode) fixture.get("variants").get(2).get("steps").get(6)).put("invalidReason", hostile);
        Fixtures.writeResults(dir, fixture);

        Document html = render();

        assertThat(json(html, "lab-results")).isEqualTo(fixture);
        assertThat(json(html, "lab-charts")).isNotNull();
        assertThat(html.select("script")).hasSize(4);
        assertThat(html.select("script").eachAttr("id")).containsExactly("lab-results", "lab-charts");
        assertThat(Files.readString(dir.resolve(ReportWriter.REPORT)))
                .doesNotContain("window.injected = true</script>");
        assertThat(html.select("table.invalid td").eachText()).contains(hostile);
    }

    @Test
    void summaryTableHasOneRowPerStepMatchingTheResults() throws IOException {
        List<String> lines = Files.readAllLines(shared.resolve(ReportWriter.SUMMARY));
        int header = lines.indexOf("| users | variant | rps | p50 | p99 | errors | valid |");
        assertThat(header).isPositive();
        List<String> rows = lines.subList(header + 2, lines.size()).stream()
                .takeWhile(line -> line.startsWith("|"))
                .toList();

        List<String> expected = new ArrayList<>();
        for (JsonNode variant : fixture.get("variants")) {
            for (JsonNode step : variant.get("steps")) {
                String valid = step.get("valid").asBoolean()
                        ? "yes"
                        : "NO: " + step.get("invalidReason").asString();
                expected.add(String.format(
                        Locale.ENGLISH,
                        "| %,d | %s | %,.0f | %s | %s | %,d | %s |",
                        step.get("users").asInt(),
                        variant.get("name").asString(),
                        step.get("throughputRps").asDouble(),
                        latency(step.get("p50Ms").asDouble()),
                        latency(step.get("p99Ms").asDouble()),
                        step.get("ko").asLong(),
                        valid));
            }
        }
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows)
                .contains(
                        "| 200 | mvc | 1,880 | 105 ms | 131 ms | 0 | yes |",
                        "| 3,200 | mvc-vt | 4,978 | 631 ms | 1.10 s | 44 | yes |");
    }

    @Test
    void summaryHasTheC10kTable() throws IOException {
        String summary = Files.readString(shared.resolve(ReportWriter.SUMMARY));

        assertThat(summary)
                .contains("## c10k: 10,000 requests in flight")
                .contains("| mvc-10k | 10,000 | 126 | 4.13 s | 10,031 | 1,468 | 10,061 | 171 | 9.6 | yes |");
    }

    @Test
    void resultsWithOnlyTheEssentialsStillRender() throws IOException {
        Fixtures.writeResults(
                dir,
                ResultsReader.MAPPER.readTree(
                        "{\"variants\":[{\"name\":\"solo\",\"steps\":[{\"users\":50,\"throughputRps\":480.5}]}]}"));

        Document html = render();

        assertThat(html.getElementById("chart-throughput")).isNotNull();
        assertThat(html.getElementById("chart-c10k-memory")).isNull();
        assertThat(Files.readString(dir.resolve(ReportWriter.SUMMARY)))
                .contains("| 50 | solo | 481 | — | — | 0 | yes |");
    }

    @Test
    void aC10kOnlyRunShowsOnlyTheC10kCharts() throws IOException {
        ObjectNode c10kOnly = ((ObjectNode) fixture).deepCopy();
        c10kOnly.putArray("variants");
        Fixtures.writeResults(dir, c10kOnly);

        Document html = render();

        assertThat(html.select("div.chart").eachAttr("id"))
                .containsExactly(
                        "chart-c10k-memory", "chart-c10k-threads", "chart-c10k-latency", "chart-c10k-switches");
        assertThat(html.select("ul.findings li").eachText()).anyMatch(line -> line.startsWith("c10k, 10,000 requests"));
    }

    private static String latency(double ms) {
        return ms < 1000
                ? String.format(Locale.ENGLISH, "%,.0f ms", ms)
                : String.format(Locale.ENGLISH, "%.2f s", ms / 1000);
    }

    private static JsonNode chart(JsonNode charts, String id) {
        return StreamSupport.stream(charts.spliterator(), false)
                .filter(c -> c.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode series(JsonNode chart, String name) {
        return StreamSupport.stream(chart.get("series").spliterator(), false)
                .filter(s -> s.get("name").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> seriesNames(JsonNode charts, String id) {
        return StreamSupport.stream(chart(charts, id).get("series").spliterator(), false)
                .map(s -> s.get("name").asString())
                .toList();
    }

    private static List<String> categories(JsonNode charts, String id) {
        return StreamSupport.stream(chart(charts, id).get("x").get("categories").spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }
}
