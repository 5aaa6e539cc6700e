package lab.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one writer and reader of {@code results.json}: the runner writes it, the report and diff read it. */
public final class ResultsJson {

    public static final String FILE = "results.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ResultsJson() {}

    /** Writes {@code <dir>/results.json} atomically: a reader never sees half a file. */
    public static void write(RunResults results, Path dir) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(FILE + ".tmp");
            JSON.writeValue(tmp.toFile(), results);
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }

    /**
     * Reads {@code <dir>/results.json}; a missing file, an unreadable one or another schema version
     * is refused with a one-line message naming the file.
     */
    public static RunResults read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no " + FILE + " in " + dir.toAbsolutePath());
        }
        try {
            JsonNode tree = JSON.readTree(file.toFile());
            int version = tree.path("schemaVersion").asInt(-1);
            if (version != RunResults.SCHEMA_VERSION) {
                throw new IllegalArgumentException(file + " has schema version " + version + "; this lab reads version "
                        + RunResults.SCHEMA_VERSION + " only: re-run ./lab compare to measure it again");
            }
            return JSON.treeToValue(tree, RunResults.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not a readable results file: " + e.getOriginalMessage());
        }
    }

    public static JsonMapper mapper() {
        return JSON;
    }
}
