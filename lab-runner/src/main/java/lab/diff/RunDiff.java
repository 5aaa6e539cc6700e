package lab.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;

/**
 * Two runs compared: how they were set up, then every step they share (matched by variant name and
 * step id), with what only one of them has listed apart.
 *
 * @param setup every setting of both runs, differing or not
 * @param variants the variants with at least one shared step, in run A's order
 * @param onlyInA variants or steps run A has and B has not
 * @param failures variants that stopped early, in either run
 */
record RunDiff(
        Run a,
        Run b,
        List<SetupDiff.Row> setup,
        List<VariantDiff> variants,
        List<Unshared> onlyInA,
        List<Unshared> onlyInB,
        List<String> failures) {

    /** One variant's shared steps, in run A's order. */
    record VariantDiff(String name, List<StepDiff> steps) {}

    /**
     * @param wholeVariant the variant itself is missing from the other run (steps then lists all of its)
     */
    record Unshared(String variant, List<String> steps, boolean wholeVariant) {

        String describe() {
            return wholeVariant
                    ? variant + " (whole variant" + (steps.isEmpty() ? "" : ": " + String.join(", ", steps)) + ")"
                    : variant + ": " + String.join(", ", steps);
        }
    }

    /** A judged change with its step, for lists. */
    record Flag(StepDiff step, Change change) {}

    static RunDiff of(Run a, Run b) {
        List<VariantDiff> variants = new ArrayList<>();
        List<Unshared> onlyInA = new ArrayList<>();
        List<Unshared> onlyInB = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (VariantRun va : a.results().variants()) {
            Optional<VariantRun> vb = b.variant(va.name());
            if (vb.isEmpty()) {
                onlyInA.add(new Unshared(va.name(), ids(va.steps()), true));
                continue;
            }
            shared.add(va.name());
            Map<String, StepRun> stepsB = byId(vb.get().steps());
            List<StepDiff> steps = new ArrayList<>();
            List<String> missingInB = new ArrayList<>();
            for (StepRun sa : va.steps()) {
                StepRun sb = stepsB.get(sa.id());
                if (sb == null) {
                    missingInB.add(sa.id());
                } else {
                    steps.add(StepDiff.of(va.name(), sa, sb));
                }
            }
            Map<String, StepRun> stepsA = byId(va.steps());
            List<String> missingInA = vb.get().steps().stream()
                    .map(StepRun::id)
                    .filter(id -> !stepsA.containsKey(id))
                    .toList();
            if (!missingInB.isEmpty()) {
                onlyInA.add(new Unshared(va.name(), missingInB, false));
            }
            if (!missingInA.isEmpty()) {
                onlyInB.add(new Unshared(va.name(), missingInA, false));
            }
            if (!steps.isEmpty()) {
                variants.add(new VariantDiff(va.name(), steps));
            }
        }
        for (VariantRun vb : b.results().variants()) {
            if (a.variant(vb.name()).isEmpty()) {
                onlyInB.add(new Unshared(vb.name(), ids(vb.steps()), true));
            }
        }
        if (variants.isEmpty()) {
            throw new DiffInputException("no step in common: " + a.file() + " has " + inventory(a) + "; " + b.file()
                    + " has " + inventory(b));
        }
        List<String> failures = new ArrayList<>();
        failures(a, failures);
        failures(b, failures);
        return new RunDiff(
                a, b, SetupDiff.rows(a.results(), b.results(), shared), variants, onlyInA, onlyInB, failures);
    }

    List<SetupDiff.Row> differences() {
        return setup.stream().filter(SetupDiff.Row::differs).toList();
    }

    List<SetupDiff.Row> identical() {
        return setup.stream().filter(r -> !r.differs()).toList();
    }

    List<StepDiff> steps() {
        return variants.stream().flatMap(v -> v.steps().stream()).toList();
    }

    List<Flag> calls(Change.Call call) {
        List<Flag> flags = new ArrayList<>();
        for (StepDiff step : steps()) {
            for (Change change : step.changes()) {
                if (change.call() == call) {
                    flags.add(new Flag(step, change));
                }
            }
        }
        return flags;
    }

    /** Whether any call rests on a single repeat (the per-second fallback). */
    boolean perSecondEvidence() {
        return steps().stream()
                .flatMap(s -> s.changes().stream())
                .anyMatch(c -> c.evidence() == Change.Evidence.PER_SECOND);
    }

    private static Map<String, StepRun> byId(List<StepRun> steps) {
        Map<String, StepRun> byId = new LinkedHashMap<>();
        steps.forEach(s -> byId.putIfAbsent(s.id(), s));
        return byId;
    }

    private static List<String> ids(List<StepRun> steps) {
        return steps.stream().map(StepRun::id).toList();
    }

    /** "mvc (u50, u100), webflux (u50)" or "no steps". */
    private static String inventory(Run run) {
        String steps = run.results().variants().stream()
                .filter(v -> !v.steps().isEmpty())
                .map(v -> v.name() + " (" + String.join(", ", ids(v.steps())) + ")")
                .collect(Collectors.joining(", "));
        return steps.isEmpty() ? "no steps" : steps;
    }

    private static void failures(Run run, List<String> out) {
        for (VariantRun v : run.results().variants()) {
            VariantRun.Failure f = v.failure();
            if (f != null) {
                out.add(v.name() + " stopped early in " + run.label() + " (" + f.kind()
                        + (f.atStep() == null ? "" : " at " + f.atStep()) + ")"
                        + (f.message() == null ? "" : ": " + f.message()));
            }
        }
    }
}
