package lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A step the runner flagged as untrustworthy, wherever it is in the results. */
record InvalidStep(String variant, String step, String reason) {

    private static final String NO_REASON = "no reason given";

    static List<InvalidStep> all(Results results) {
        List<InvalidStep> invalid = new ArrayList<>();
        for (Variant variant : results.variants()) {
            if (variant.error() != null && !explainedByAStep(variant)) {
                invalid.add(
                        new InvalidStep(variant.name(), "the whole run", "could not be measured: " + variant.error()));
            }
            variant.steps().stream()
                    .filter(step -> !step.isValid())
                    .forEach(step -> invalid.add(new InvalidStep(
                            variant.name(), "at " + Fmt.count(step.users()) + " users", reason(step.invalidReason()))));
            OpenModel open = variant.openModel();
            if (open != null && !open.isValid()) {
                invalid.add(new InvalidStep(
                        variant.name(),
                        "open model at " + Fmt.count(open.rate()) + " req/s",
                        reason(open.invalidReason())));
            }
        }
        results.c10k()
                .ifPresent(c10k -> c10k.runs().stream()
                        .filter(run -> !run.isValid())
                        .forEach(run -> invalid.add(new InvalidStep(
                                run.name(),
                                "c10k",
                                reason(
                                        run.error() != null
                                                ? "could not be measured: " + run.error()
                                                : run.invalidReason())))));
        return List.copyOf(invalid);
    }

    /** The runner ends a variant when its app dies; the step it died in already says so. */
    private static boolean explainedByAStep(Variant variant) {
        List<String> reasons = new ArrayList<>();
        variant.steps().stream().filter(step -> !step.isValid()).forEach(step -> reasons.add(step.invalidReason()));
        if (variant.openModel() != null && !variant.openModel().isValid()) {
            reasons.add(variant.openModel().invalidReason());
        }
        return reasons.stream()
                .filter(r -> r != null && !r.isBlank())
                .anyMatch(r -> variant.error().contains(r.split(";")[0].strip()));
    }

    private static String reason(String reason) {
        return Optional.ofNullable(reason).filter(text -> !text.isBlank()).orElse(NO_REASON);
    }
}
