package lab.runrecord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one reader and writer of {@code results.json} (schema version {@value RunResults#SCHEMA_VERSION}):
 * the runner writes with it, the report and {@code ./lab diff} read with it.
 *
 * <p>The file is pretty-printed with keys in declaration order and map entries sorted, so two runs
 * diff line by line. Every field is written, {@code null} included: a field the runner never fills
 * shows up as {@code null} in every file instead of silently missing. Reading is strict: a file of
 * another schema version, an unknown field or a value of the wrong type is refused with one line
 * that names the file and says what to do.
 */
public final class ResultsJson {

    public static final String FILE_NAME = "results.json";

    private static final String SCHEMA_VERSION = "schemaVersion";
    private static final String RERUN = "re-run ./lab compare to measure it with this lab";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultsJson() {}

    /** The mapper behind this class, for callers that embed results in another document. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** {@code dir/results.json}. */
    public static Path in(Path dir) {
        return dir.resolve(FILE_NAME);
    }

    /**
     * Writes {@code results} to {@code file} atomically: a reader (or an interrupted run) never
     * sees half a file.
     */
    public static void write(RunResults results, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve(file.getFileName() + ".tmp");
        try {
            MAPPER.writeValue(tmp.toFile(), results);
        } catch (JacksonException e) {
            throw new IOException("cannot write " + file + ": " + e.getOriginalMessage(), e);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The JSON text {@link #write} puts in a file. */
    public static String toJson(RunResults results) {
        return MAPPER.writeValueAsString(results);
    }

    /**
     * Reads a {@code results.json} of schema version {@value RunResults#SCHEMA_VERSION}.
     *
     * @throws Unreadable when the file is missing, unreadable, not JSON, of another schema version
     *     or not in the shape of {@link RunResults}; its message is one line naming the file
     */
    public static RunResults read(Path file) {
        JsonNode tree;
        try (InputStream in = Files.newInputStream(file)) {
            tree = MAPPER.readTree(in);
        } catch (NoSuchFileException e) {
            throw new Unreadable(
                    "no " + file.getFileName() + " in " + parentOf(file) + ": give the folder of a ./lab compare run");
        } catch (IOException e) {
            throw new Unreadable("cannot read " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new Unreadable(file + " is not valid JSON (" + oneLine(e.getOriginalMessage()) + ")");
        }
        return fromTree(tree, file.toString());
    }

    /** Reads a results document from its JSON text; {@code source} names it in messages. */
    public static RunResults fromJson(String json, String source) {
        try {
            return fromTree(MAPPER.readTree(json), source);
        } catch (JacksonException e) {
            throw new Unreadable(source + " is not valid JSON (" + oneLine(e.getOriginalMessage()) + ")");
        }
    }

    private static RunResults fromTree(JsonNode tree, String source) {
        if (tree == null || !tree.isObject()) {
            throw new Unreadable(source + " is not a results file (its top level is not a JSON object)");
        }
        JsonNode version = tree.get(SCHEMA_VERSION);
        if (version == null || !version.isIntegralNumber()) {
            throw new Unreadable(source + " has no schemaVersion, so it predates this lab's results format (version "
                    + RunResults.SCHEMA_VERSION + "): " + RERUN);
        }
        if (version.asInt() != RunResults.SCHEMA_VERSION) {
            throw new Unreadable(source + " is schema version " + version.asInt() + "; this lab reads version "
                    + RunResults.SCHEMA_VERSION + " only: " + RERUN);
        }
        try {
            return MAPPER.treeToValue(tree, RunResults.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            String why = e instanceof JacksonException jackson
                    ? jackson.getOriginalMessage() + " at " + path(jackson)
                    : String.valueOf(e.getMessage());
            throw new Unreadable(source + " does not match schema version " + RunResults.SCHEMA_VERSION + " ("
                    + oneLine(why) + "): " + RERUN);
        }
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the top level" : path.toString();
    }

    private static String parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? "." : parent.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").strip();
    }

    /** A results file this lab cannot read; the message is one line for the command line. */
    public static final class Unreadable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Unreadable(String message) {
            super(message);
        }
    }
}
