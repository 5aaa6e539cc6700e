package lab.runner.output;

import java.util.List;

/** The whole of {@code results.json}; its schema is documented in {@code docs/lab.md}. */
public record Results(
        int schemaVersion,
        Environment environment,
        RunSettings settings,
        List<VariantResult> variants,
        C10kResult c10k) {

    public static final int SCHEMA_VERSION = 1;

    public Results {
        variants = List.copyOf(variants);
    }
}
