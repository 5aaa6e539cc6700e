package lab.diff;

import java.util.List;
import lab.runrecord.RunResults;
import lab.runrecord.StepRun;

/** The sentences and cells the Markdown, the HTML page and the console share. */
final class Words {

    /** As {@code git log --abbrev=12} prints a commit: unique in any repository of this size. */
    private static final int SHORT_COMMIT = 12;

    private Words() {}

    /** A figure as a table cell: the median and its spread, "1,872 [1,850–1,890]" or "1,872 [1×, CV 4 %]". */
    static String cell(StepRun.Figure figure, Metric metric) {
        if (figure == null) {
            return Numbers.NONE;
        }
        String median = Numbers.value(figure.median(), metric.decimals);
        if (figure.n() >= NoiseRule.MIN_REPEATS) {
            return median + " [" + Numbers.value(figure.min(), metric.decimals) + "–"
                    + Numbers.value(figure.max(), metric.decimals) + "]";
        }
        return median + " [1×" + (figure.perSecondCv() == null ? "" : ", CV " + Numbers.percent(figure.perSecondCv()))
                + "]";
    }

    static String call(Change change) {
        return switch (change.call()) {
            case WORSE -> "worse";
            case BETTER -> "better";
            case NOISE -> "noise";
            case NOT_JUDGED -> "not judged";
        };
    }

    /** "−20.0 % worse", "+3.1 % noise": the change and what the rule made of it. */
    static String delta(Change change) {
        return Numbers.signedPercent(change.relative()) + " " + call(change);
    }

    /** "webflux u1600 throughput 6,749 → 5,400 rps (−20.0 %)". */
    static String flag(RunDiff.Flag flag) {
        Change c = flag.change();
        return flag.step().variant() + " " + flag.step().id() + " " + c.metric().label + " "
                + Numbers.median(c.a(), c.metric()) + " → " + Numbers.median(c.b(), c.metric()) + " ("
                + Numbers.signedPercent(c.relative()) + ")";
    }

    /** "24 shared steps × 3 figures: 2 worse, 1 better beyond the noise; 60 within it; 9 not judged". */
    static String counts(RunDiff diff) {
        int steps = diff.steps().size();
        return steps + " shared step" + (steps == 1 ? "" : "s") + " × " + Metric.values().length + " figures: "
                + diff.calls(Change.Call.WORSE).size() + " worse, "
                + diff.calls(Change.Call.BETTER).size()
                + " better beyond the noise; " + diff.calls(Change.Call.NOISE).size() + " within the noise; "
                + diff.calls(Change.Call.NOT_JUDGED).size() + " not judged";
    }

    /** One line per run: folder, start, commit, scenario. */
    static String run(Run run) {
        RunResults r = run.results();
        String started = r.environment() == null || r.environment().startedAt() == null
                ? "start unknown"
                : "started " + r.environment().startedAt();
        String commit = r.reproduce() == null || r.reproduce().gitCommit() == null
                ? "commit unknown"
                : "commit " + shortCommit(r.reproduce().gitCommit())
                        + (Boolean.TRUE.equals(r.reproduce().gitDirty()) ? " (dirty)" : "");
        String scenario = r.scenario() == null
                ? "scenario unknown"
                : "scenario " + r.scenario().name() + ", " + r.scenario().repeats() + " repeat"
                        + (r.scenario().repeats() == 1 ? "" : "s");
        return started + ", " + commit + ", " + scenario;
    }

    /** The noise rule in words, with the figures this build uses. */
    static List<String> rule() {
        return List.of(
                "Δ = (median B − median A) / median A, medians across repeats; a figure shows as median [min–max].",
                "Two or more repeats in both runs: a change counts when the min–max ranges do not overlap and |Δ|"
                        + " reaches the floor: " + floors() + ". Ranges alone are not enough: two runs of the same"
                        + " thing give disjoint ranges by chance with probability 2·n!·n!/(2n)!, 33 % at 2 repeats"
                        + " a side, 10 % at 3, 2.9 % at 4.",
                "A single repeat in either run: a change counts when |Δ| reaches max(floor, "
                        + Numbers.plain(NoiseRule.PER_SECOND_CV_MULTIPLE) + " × the larger per-second coefficient of"
                        + " variation within the windows). Weaker evidence: it sees the noise inside a window, not"
                        + " between runs (JIT, other load on the machine). Without a per-second series (p99, CPU per"
                        + " request) a single repeat is not judged.",
                "Steps either run marked invalid are shown but never judged: their figures describe the load side or"
                        + " the machine, not the app.",
                "Better means more throughput, a lower p99, less CPU per request.");
    }

    private static String floors() {
        StringBuilder text = new StringBuilder();
        for (Metric metric : Metric.values()) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(metric.label).append(' ').append(Numbers.percent(NoiseRule.floor(metric)));
        }
        return text.toString();
    }

    private static String shortCommit(String commit) {
        return commit.length() > SHORT_COMMIT ? commit.substring(0, SHORT_COMMIT) : commit;
    }
}
