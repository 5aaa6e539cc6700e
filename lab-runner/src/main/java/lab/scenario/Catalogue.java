package lab.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lab.runrecord.ScenarioSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The scenario catalogue: one YAML file per scenario in {@code scenarios/}, each read into a
 * {@link ScenarioSpec} and checked by {@link ScenarioCheck}. {@code ./lab compare --scenario NAME}
 * takes an entry by name, or any file by path (a user's own copy).
 */
public final class Catalogue {

    public static final String FOLDER = "scenarios";
    static final String EXTENSION = ".yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private final Map<String, ScenarioSpec> entries;

    private Catalogue(Map<String, ScenarioSpec> entries) {
        this.entries = entries;
    }

    /** Every entry of {@code <root>/scenarios}, sorted by name; a bad entry fails with its file named. */
    public static Catalogue load(Path root) {
        Path folder = root.resolve(FOLDER);
        Map<String, ScenarioSpec> entries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(EXTENSION))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList()) {
                ScenarioSpec spec = read(file);
                String expected = file.getFileName().toString().replace(EXTENSION, "");
                if (!spec.name().equals(expected)) {
                    throw new IllegalArgumentException(
                            file + ": name '" + spec.name() + "' must match the file name '" + expected + "'");
                }
                entries.put(spec.name(), spec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenario catalogue in " + folder, e);
        }
        return new Catalogue(entries);
    }

    /** One scenario file, parsed strictly and checked. */
    public static ScenarioSpec read(Path file) {
        ScenarioSpec spec;
        try {
            spec = YAML.readValue(file.toFile(), ScenarioSpec.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage());
        }
        List<String> problems = ScenarioCheck.problems(spec);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + String.join("; ", problems));
        }
        return spec;
    }

    /**
     * The entry of that name, or the file at that path; anything else is refused with the names
     * of the entries.
     */
    public ScenarioSpec resolve(String nameOrPath, Path workingDir) {
        ScenarioSpec named = entries.get(nameOrPath);
        if (named != null) {
            return named;
        }
        Path file = workingDir.resolve(nameOrPath);
        if (nameOrPath.endsWith(EXTENSION) && Files.isRegularFile(file)) {
            return read(file);
        }
        throw new IllegalArgumentException("unknown scenario '" + nameOrPath + "'; known: "
                + String.join(", ", entries.keySet()) + " (or a path to a .yaml file)");
    }

    /** Checks a spec after overrides: a one-line message naming every problem, or nothing. */
    public static void check(ScenarioSpec spec) {
        List<String> problems = ScenarioCheck.problems(spec);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(spec.name() + ": " + String.join("; ", problems));
        }
    }

    public List<ScenarioSpec> entries() {
        return new ArrayList<>(entries.values());
    }

    /** One line per entry, as {@code ./lab scenarios} prints them. */
    public List<String> lines() {
        int width = entries.keySet().stream().mapToInt(String::length).max().orElse(0);
        return entries.values().stream()
                .map(s -> String.format("%-" + width + "s  %s", s.name(), s.summary()))
                .toList();
    }
}
