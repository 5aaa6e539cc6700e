package lab.runrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** results.json version 2: written and read by one class, every field kept, other versions refused. */
class ResultsJsonTest {

    @TempDir
    Path dir;

    @Test
    void everyFieldSurvivesTheRoundTrip() throws IOException {
        RunResults run = ResultsFixtures.everyField();
        Path file = ResultsJson.in(dir);

        ResultsJson.write(run, file);

        assertThat(ResultsJson.read(file)).isEqualTo(run);
    }

    @Test
    void theRealisticFixturesSurviveTheRoundTripToo() throws IOException {
        for (RunResults run : List.of(
                ResultsFixtures.ladder(),
                ResultsFixtures.ladderUnderLimits(),
                ResultsFixtures.slowdown(),
                ResultsFixtures.coldstart(),
                ResultsFixtures.c10k())) {
            ResultsJson.write(run, ResultsJson.in(dir));
            assertThat(ResultsJson.read(ResultsJson.in(dir))).isEqualTo(run);
        }
    }

    /**
     * The every-field fixture really sets every field: no null, no empty list or object anywhere,
     * but for the one field a step's load model leaves out (users of an open step, rate of a closed one)
     * and the per-second series of the closed steps (only the first step has one, so that the
     * report's time axis starts at its t = 0).
     */
    @Test
    void theEveryFieldFixtureLeavesNothingEmpty() {
        List<String> empty = new ArrayList<>();
        walk("", ResultsFixtures.tree(ResultsFixtures.everyField()), empty);

        assertThat(empty)
                .allMatch(
                        path -> path.matches("\\.variants\\[\\d]\\.steps\\[\\d]\\.load\\.(users|rate)")
                                || path.matches("\\.variants\\[\\d]\\.steps\\[[12]]\\.repeats\\[\\d]\\.series"),
                        "is the load's unused half, or the series of a closed step");
        assertThat(empty).hasSize(2 * 3 + 2 * 2 * 2);
    }

    private static void walk(String path, JsonNode node, List<String> empty) {
        if (node.isNull() || (node.isContainer() && node.isEmpty())) {
            empty.add(path);
        } else if (node.isObject()) {
            node.properties().forEach(e -> walk(path + "." + e.getKey(), e.getValue(), empty));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + i + "]", node.get(i), empty);
            }
        }
    }

    @Test
    void theFileIsStableAndStartsWithItsVersion() throws IOException {
        Path first = dir.resolve("a.json");
        Path second = dir.resolve("b.json");
        ResultsJson.write(ResultsFixtures.ladder(), first);
        ResultsJson.write(ResultsFixtures.ladder(), second);

        assertThat(Files.readString(first)).isEqualTo(Files.readString(second));
        assertThat(Files.readAllLines(first).get(1).strip()).isEqualTo("\"schemaVersion\" : 2,");
        assertThat(dir.resolve("a.json.tmp")).doesNotExist();
    }

    @Test
    void nullsAreWrittenSoAFieldTheRunnerNeverFillsIsVisible() {
        String json = ResultsJson.toJson(ResultsFixtures.ladder());

        // the ladder's mvc-vt has no thread pool: its ceiling says so explicitly
        assertThat(json).contains("\"maxThreads\" : null");
    }

    @Test
    void aVersionOneFileIsRefusedWithWhatToDo() throws IOException {
        Path file = ResultsJson.in(dir);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("report/results-v1.json")) {
            Files.write(file, in.readAllBytes());
        }

        assertThatThrownBy(() -> ResultsJson.read(file))
                .isInstanceOf(ResultsJson.Unreadable.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("schema version 1")
                .hasMessageContaining("version 2")
                .hasMessageContaining("re-run ./lab compare")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anotherVersionOrNoneIsRefused() throws IOException {
        Path file = ResultsJson.in(dir);
        ObjectNode tree = (ObjectNode) ResultsFixtures.tree(ResultsFixtures.ladder());
        tree.put("schemaVersion", 3);
        Files.writeString(file, tree.toString());
        assertThatThrownBy(() -> ResultsJson.read(file)).hasMessageContaining("schema version 3");

        tree.remove("schemaVersion");
        Files.writeString(file, tree.toString());
        assertThatThrownBy(() -> ResultsJson.read(file)).hasMessageContaining("has no schemaVersion");
    }

    @Test
    void anUnknownOrMistypedFieldIsRefusedWithItsPath() throws IOException {
        Path file = ResultsJson.in(dir);
        ObjectNode tree = (ObjectNode) ResultsFixtures.tree(ResultsFixtures.ladder());
        ((ObjectNode) tree.get("variants").get(0)).put("defaults", "never written");
        Files.writeString(file, tree.toString());

        assertThatThrownBy(() -> ResultsJson.read(file))
                .hasMessageContaining("does not match schema version 2")
                .hasMessageContaining("defaults")
                .hasMessageContaining("variants[0]");

        tree = (ObjectNode) ResultsFixtures.tree(ResultsFixtures.ladder());
        ((ObjectNode) tree.get("scenario")).put("repeats", "three");
        Files.writeString(file, tree.toString());
        assertThatThrownBy(() -> ResultsJson.read(file)).hasMessageContaining("scenario.repeats");
    }

    @Test
    void aMissingFileOrNotJsonGetsOneLine() throws IOException {
        assertThatThrownBy(() -> ResultsJson.read(ResultsJson.in(dir)))
                .isInstanceOf(ResultsJson.Unreadable.class)
                .hasMessageStartingWith("no results.json in " + dir.toAbsolutePath());

        Files.writeString(ResultsJson.in(dir), "{ not json");
        assertThatThrownBy(() -> ResultsJson.read(ResultsJson.in(dir)))
                .hasMessageContaining("is not valid JSON")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        Files.writeString(ResultsJson.in(dir), "[1, 2]");
        assertThatThrownBy(() -> ResultsJson.read(ResultsJson.in(dir))).hasMessageContaining("not a results file");
    }

    @Test
    void mapsAreWrittenInKeyOrder() {
        JsonNode errors = ResultsFixtures.tree(ResultsFixtures.ladder())
                .get("variants")
                .get(1)
                .get("steps")
                .get(6)
                .get("repeats")
                .get(0)
                .get("client")
                .get("errors");

        assertThat(errors.propertyNames())
                .containsExactly(
                        "j.i.IOException: Premature close", "status.find.in(200..399), but actually found 504");
    }
}
