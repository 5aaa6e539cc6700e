package lab.runner.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ResultsFilesTest {

    static StepResult step(int users, double rps, boolean valid, String reason, Map<String, Long> errors) {
        return new StepResult(
                "closed",
                users,
                null,
                15,
                rps,
                110,
                105,
                130,
                180,
                250,
                1000,
                3,
                errors,
                2000,
                users * 10.0,
                2000.0,
                9000.0,
                0.45,
                0.23,
                300,
                230,
                240,
                0.4,
                0.1,
                2.0,
                101.0,
                100.5,
                3.2,
                0.01,
                Map.of("tomcat_threads_busy_threads", 200.0),
                valid,
                reason,
                "gatling/mvc-" + users,
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:15Z",
                List.of(new SeriesPoint(0, null, 300.0, 230, 228.0, 200.0, 199.0, null, null)));
    }

    static Results sample() {
        JsonNode settings = ResultsFiles.json().readTree("{\"app\":\"mvc\",\"server\":{\"maxThreads\":200}}");
        StepResult open = new StepResult(
                "open",
                null,
                3000,
                10,
                1900,
                900,
                800,
                2000,
                4000,
                9000,
                19000,
                10,
                Map.of(),
                2000,
                3000,
                2000.0,
                null,
                0.5,
                0.26,
                350,
                230,
                240,
                0.6,
                0.2,
                null,
                null,
                null,
                null,
                0.0,
                Map.of(),
                true,
                null,
                "gatling/mvc-open-3000",
                null,
                null,
                List.of());
        VariantResult mvc = new VariantResult(
                "mvc",
                "mvc",
                "mvc-app/target/mvc-app.jar",
                List.of(),
                List.of(),
                List.of("-Xmx256m"),
                settings,
                200,
                9000.0,
                0.11,
                new VariantResult.Warmup(20, 200, 1800.0, 130.0),
                5.2,
                List.of(
                        step(50, 480, true, null, Map.of()),
                        step(
                                3200,
                                1900,
                                false,
                                "load side saturated: Gatling 0.95, of \"1\" CPU",
                                Map.of("timeout", 3L))),
                open,
                null);
        Environment env = new Environment(
                "25",
                "vendor",
                "/jdk",
                "Linux",
                "6.1",
                "cpu",
                2,
                List.of(1),
                List.of(0),
                true,
                "app on CPU 1",
                20000,
                24000,
                List.of("-Xmx256m"),
                List.of(),
                List.of(),
                "t0",
                "t1");
        RunSettings run = new RunSettings(
                "ladder",
                false,
                List.of("mvc"),
                List.of(50, 3200),
                100,
                15,
                2,
                20,
                200,
                3000,
                10,
                256,
                "G1",
                1,
                10000,
                null,
                "/api/io");
        return new Results(Results.SCHEMA_VERSION, env, run, List.of(mvc), null);
    }

    @Test
    void resultsJsonRoundTripsAndHasTheDocumentedShape(@TempDir Path dir) throws Exception {
        Results results = sample();
        ResultsFiles.write(results, dir);

        assertThat(ResultsFiles.read(dir)).isEqualTo(results);
        JsonNode json = ResultsFiles.json().readTree(dir.resolve("results.json").toFile());
        assertThat(json.path("environment").path("nofileLimit").asInt()).isEqualTo(20000);
        assertThat(json.path("settings").path("delayMs").asInt()).isEqualTo(100);
        JsonNode step = json.path("variants").path(0).path("steps").path(1);
        assertThat(step.path("users").asInt()).isEqualTo(3200);
        assertThat(step.path("throughputRps").asDouble()).isEqualTo(1900.0);
        assertThat(step.path("valid").asBoolean()).isFalse();
        assertThat(step.path("invalidReason").asText()).startsWith("load side saturated");
        assertThat(step.path("errors").path("timeout").asLong()).isEqualTo(3);
        assertThat(json.path("variants")
                        .path(0)
                        .path("settings")
                        .path("server")
                        .path("maxThreads")
                        .asInt())
                .isEqualTo(200);
        assertThat(json.path("variants").path(0).path("openModel").path("rate").asInt())
                .isEqualTo(3000);
        assertThat(json.has("c10k")).isTrue();
        assertThat(dir.resolve("results.json.tmp")).doesNotExist();
    }

    @Test
    void stepsCsvHasOneRowPerStepAndQuotesWhatNeedsIt(@TempDir Path dir) throws Exception {
        ResultsFiles.write(sample(), dir);

        List<String> lines = Files.readAllLines(dir.resolve("steps.csv"));
        assertThat(lines).hasSize(1 + 2 + 1);
        assertThat(lines.get(0)).isEqualTo(ResultsFiles.CSV_HEADER);
        assertThat(lines.get(1)).startsWith("mvc,closed,50,,480.000,").endsWith(",true,");
        assertThat(lines.get(2))
                .contains(",timeout=3,")
                .endsWith(",false,\"load side saturated: Gatling 0.95, of \"\"1\"\" CPU\"");
        assertThat(lines.get(3)).startsWith("mvc,open,,3000,1900.000,");
        assertThat(lines.get(0).split(",")).hasSize(22);
    }
}
