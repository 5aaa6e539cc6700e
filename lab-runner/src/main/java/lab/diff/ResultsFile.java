package lab.diff;

import java.nio.file.Path;
import lab.results.RunResults;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one {@code results.json} into the results model, refusing any schema version but {@link
 * RunResults#SCHEMA_VERSION}. The one place the diff touches JSON on the way in: when {@code
 * lab.results.ResultsJson} is merged, {@link #read} becomes a call to {@code ResultsJson.read} (keeping
 * the messages of {@link DiffInputException}).
 */
final class ResultsFile {

    static final String NAME = "results.json";
    static final String VERSION_FIELD = "schemaVersion";

    /** Fields added to version 2 later are ignored rather than refused: the diff reads what it knows. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultsFile() {}

    static RunResults read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file);
        } catch (JacksonException e) {
            throw new DiffInputException("cannot read " + file + ": " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new DiffInputException(file + " is not a results file: expected a JSON object");
        }
        JsonNode version = root.get(VERSION_FIELD);
        if (version == null || !version.isIntegralNumber()) {
            throw new DiffInputException(file + " has no " + VERSION_FIELD + ": not a results.json of ./lab compare");
        }
        if (version.asInt() != RunResults.SCHEMA_VERSION) {
            throw new DiffInputException(file + " has " + VERSION_FIELD + " " + version.asInt() + "; ./lab diff reads"
                    + " version " + RunResults.SCHEMA_VERSION + " only (run ./lab compare again with this lab)");
        }
        try {
            return MAPPER.treeToValue(root, RunResults.class);
        } catch (JacksonException e) {
            throw new DiffInputException(
                    "cannot read " + file + " at " + path(e) + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    /** Where in the file the problem is, as a JSON path: {@code variants[0].steps[2].spread}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder("$");
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append('.').append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
