package lab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.runrecord.ResultsFixtures;
import lab.runrecord.ResultsJson;
import lab.runrecord.RunResults;
import tools.jackson.databind.JsonNode;

/** The report's test runs, by name: the realistic ones of {@link ResultsFixtures}. */
final class Fixtures {

    static final String LADDER = "ladder";
    static final String LIMITS = "limits";
    static final String SLOWDOWN = "slowdown";
    static final String COLDSTART = "coldstart";
    static final String C10K = "c10k";
    static final String EVERY_FIELD = "every-field";

    private Fixtures() {}

    static RunResults run(String name) {
        return switch (name) {
            case LADDER -> ResultsFixtures.ladder();
            case LIMITS -> ResultsFixtures.ladderUnderLimits();
            case SLOWDOWN -> ResultsFixtures.slowdown();
            case COLDSTART -> ResultsFixtures.coldstart();
            case C10K -> ResultsFixtures.c10k();
            case EVERY_FIELD -> ResultsFixtures.everyField();
            default -> throw new IllegalArgumentException("no fixture " + name);
        };
    }

    /** The results.json tree of a named run, as the runner writes it. */
    static JsonNode tree(String name) {
        return ResultsFixtures.tree(run(name));
    }

    /** The ladder run (three variants, three repeats, an invalid step, an open-model step). */
    static RunResults fixture() {
        return run(LADDER);
    }

    static JsonNode fixtureTree() {
        return tree(LADDER);
    }

    /** Writes {@code tree} as {@code dir/results.json}. */
    static Path writeResults(Path dir, JsonNode tree) throws IOException {
        Files.writeString(ResultsJson.in(dir), ResultsJson.mapper().writeValueAsString(tree));
        return dir;
    }

    static Path writeResults(Path dir, RunResults run) throws IOException {
        ResultsJson.write(run, ResultsJson.in(dir));
        return dir;
    }
}
