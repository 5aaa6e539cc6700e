package lab.runrecord;

import java.util.List;

/**
 * The whole of {@code results.json}: one record tree, written by the runner and read back by the
 * report and by {@code ./lab diff}. Its schema is documented in {@code docs/lab.md}.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}; readers refuse other versions with a clear message
 * @param reproduce what it takes to run it again
 * @param environment the machine, the CPU split and every JVM's flags
 * @param scenario the scenario as run (the catalogue entry after command-line overrides)
 * @param variants one entry per variant, in run order
 */
public record RunResults(
        int schemaVersion,
        Reproduction reproduce,
        Environment environment,
        ScenarioSpec scenario,
        List<VariantRun> variants) {

    public static final int SCHEMA_VERSION = 2;

    public RunResults {
        variants = List.copyOf(variants);
    }

    /** The variant of that name, if it ran. */
    public java.util.Optional<VariantRun> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
