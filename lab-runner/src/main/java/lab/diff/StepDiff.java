package lab.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import lab.runrecord.StepRun;

/**
 * One step present in both runs (same variant, same {@link StepRun#id()}), judged metric by metric.
 *
 * @param notes what a reader must know before trusting the calls: invalid or cold steps, a single
 *     repeat, a different load or window, a different bottleneck
 */
record StepDiff(String variant, String id, StepRun a, StepRun b, List<Change> changes, List<String> notes) {

    StepDiff {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    static StepDiff of(String variant, StepRun a, StepRun b) {
        String invalidIn = invalidIn(a, b);
        List<Change> changes = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            changes.add(NoiseRule.judge(metric, metric.of(a), metric.of(b), invalidIn));
        }
        return new StepDiff(variant, a.id(), a, b, changes, notes(a, b, invalidIn));
    }

    /** Whether either run marked the step invalid (its changes are then never judged). */
    boolean invalid() {
        return invalidIn(a, b) != null;
    }

    Change change(Metric metric) {
        return changes.get(metric.ordinal());
    }

    /** The load in words, from run A: "400 users", "3,000 req/s (open model)". */
    String load() {
        StepRun.StepLoad load = a.load();
        if (load == null) {
            return "";
        }
        if (load.open() && load.rate() != null) {
            return Numbers.value(load.rate(), 0) + " req/s (open)";
        }
        return load.users() == null ? "" : Numbers.value(load.users(), 0) + " users";
    }

    private static boolean valid(StepRun step) {
        return step.verdict() == null || step.verdict().valid();
    }

    private static String invalidIn(StepRun a, StepRun b) {
        if (!valid(a) && !valid(b)) {
            return "A and B";
        }
        return !valid(a) ? "A" : !valid(b) ? "B" : null;
    }

    private static List<String> notes(StepRun a, StepRun b, String invalidIn) {
        List<String> notes = new ArrayList<>();
        if (invalidIn != null) {
            notes.add("not judged: an invalid step measures the load side or the machine, not the app");
        }
        invalid("A", a, notes);
        invalid("B", b, notes);
        cold("A", a, notes);
        cold("B", b, notes);
        int repeatsA = a.repeats().size();
        int repeatsB = b.repeats().size();
        if (repeatsA < NoiseRule.MIN_REPEATS || repeatsB < NoiseRule.MIN_REPEATS) {
            notes.add("repeats: " + repeatsA + " in A, " + repeatsB + " in B: judged on the per-second spread"
                    + " within the window, weaker evidence than repeats");
        } else if (repeatsA != repeatsB) {
            notes.add("repeats: " + repeatsA + " in A, " + repeatsB + " in B");
        }
        if (a.load() != null && b.load() != null && !a.load().equals(b.load())) {
            notes.add("load differs: A " + describe(a.load()) + ", B " + describe(b.load()));
        }
        if (!Objects.equals(cause(a), cause(b))) {
            notes.add("bottleneck: A " + bottleneck(a) + ", B " + bottleneck(b));
        }
        return notes;
    }

    private static void invalid(String run, StepRun step, List<String> notes) {
        if (!valid(step)) {
            notes.add("invalid in " + run + ": "
                    + String.join("; ", step.verdict().reasons()));
        }
    }

    private static void cold(String run, StepRun step, List<String> notes) {
        if (step.verdict() != null && step.verdict().cold()) {
            notes.add("cold in " + run + ": not warmed up to a stable state");
        }
    }

    private static StepRun.Bottleneck.Cause cause(StepRun step) {
        return step.bottleneck() == null ? null : step.bottleneck().cause();
    }

    static String bottleneck(StepRun step) {
        if (step.bottleneck() == null || step.bottleneck().cause() == null) {
            return "unknown";
        }
        String cause = step.bottleneck().cause().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String figure = step.bottleneck().figure();
        return figure == null || figure.isBlank() ? cause : cause + " (" + figure + ")";
    }

    private static String describe(StepRun.StepLoad load) {
        String what = load.open() ? load.rate() + " req/s" : load.users() + " users";
        return what + ", " + load.steadySeconds() + " s window after " + load.rampSeconds() + " s ramp";
    }
}
