package lab.report;

import java.util.ArrayList;
import java.util.List;
import lab.runrecord.RunResults;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;

/**
 * A step the runner flagged as untrustworthy, or a variant that stopped early.
 *
 * @param failure the row is the variant's failure, not a step's verdict
 */
record InvalidStep(String variant, String step, String reason, boolean failure) {

    static List<InvalidStep> all(RunResults run) {
        List<InvalidStep> invalid = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            String failure = Runs.failure(run, variant);
            if (failure != null) {
                String where = variant.failure().atStep() == null ? "the whole run" : "from " + failureStep(variant);
                invalid.add(new InvalidStep(variant.name(), where, failure, true));
            }
            for (StepRun step : variant.steps()) {
                if (!Steps.valid(step)) {
                    invalid.add(new InvalidStep(variant.name(), Steps.label(step), Steps.reason(step), false));
                }
            }
        }
        return List.copyOf(invalid);
    }

    private static String failureStep(VariantRun variant) {
        return Steps.byId(variant, variant.failure().atStep())
                .map(Steps::label)
                .orElse(variant.failure().atStep());
    }
}
