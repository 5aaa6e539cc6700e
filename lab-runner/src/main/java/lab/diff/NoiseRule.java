package lab.diff;

import java.util.Map;
import lab.diff.Change.Call;
import lab.diff.Change.Evidence;
import lab.runrecord.StepRun;

/**
 * When a change between two runs counts as beyond the noise. Per metric of a step, with the
 * relative change {@code Δ = (median B − median A) / median A}:
 *
 * <ol>
 *   <li>Both runs have two or more repeats: the change counts when the two min–max ranges across
 *       repeats do not overlap <em>and</em> {@code |Δ|} reaches the metric's floor
 *       ({@link #FLOORS}). Ranges alone are not enough: two runs of the very same thing give
 *       disjoint ranges with probability {@code 2·n!·n!/(2n)!} (33 % at 2 repeats a side, 10 % at
 *       3, 2.9 % at 4), so the floor keeps small shifts out.
 *   <li>A side has a single repeat: there is no spread across repeats, so the rule falls back to the
 *       dispersion of the per-second values within the windows: the change counts when {@code |Δ|}
 *       reaches {@code max(floor, K × CV)} for the larger of the two per-second CVs ({@link
 *       #PER_SECOND_CV_MULTIPLE}). This is weaker evidence (it sees noise within a window, not
 *       between runs: JIT state, other load on the machine), and the output says so.
 *   <li>No per-second CV either (p99 and CPU per request usually have none): not judged.
 * </ol>
 *
 * Steps that either run marked invalid ({@code verdict.valid == false}) are shown but never judged:
 * their figures describe the load side or the machine, not the app.
 */
final class NoiseRule {

    /**
     * The smallest relative change that counts, per metric. Throughput and CPU per request of a warm
     * JVM repeat within a few percent on a quiet machine; 5 % is the smallest change worth a sentence.
     * A p99 rests on the slowest 1 % of a window's requests (150 of 15,000 at 1,000 rps for 15 s),
     * and moves more from run to run: 10 %.
     */
    static final Map<Metric, Double> FLOORS =
            Map.of(Metric.THROUGHPUT, 0.05, Metric.P99, 0.10, Metric.CPU_PER_REQUEST, 0.05);

    /**
     * With a single repeat, a change must exceed this many per-second coefficients of variation: about
     * 95 % of single seconds lie within ±2 CV of their window's mean when they spread normally, so a
     * whole window moving further than that is unlikely to be within-window noise.
     */
    static final double PER_SECOND_CV_MULTIPLE = 2.0;

    /** Repeats needed on each side for ranges across repeats to mean anything. */
    static final int MIN_REPEATS = 2;

    private NoiseRule() {}

    static double floor(Metric metric) {
        return FLOORS.get(metric);
    }

    /**
     * Judges one metric of a step present in both runs.
     *
     * @param invalidIn null when both steps are valid, else which run ("A", "B", "A and B") marked it invalid
     */
    static Change judge(Metric metric, StepRun.Figure a, StepRun.Figure b, String invalidIn) {
        if (a == null || b == null) {
            return new Change(
                    metric, a, b, null, Call.NOT_JUDGED, Evidence.NONE, "no figure in " + (a == null ? "A" : "B"));
        }
        if (a.median() == 0) {
            return new Change(metric, a, b, null, Call.NOT_JUDGED, Evidence.NONE, "A is 0: no relative change");
        }
        double relative = (b.median() - a.median()) / Math.abs(a.median());
        if (invalidIn != null) {
            return new Change(metric, a, b, relative, Call.NOT_JUDGED, Evidence.NONE, "step invalid in " + invalidIn);
        }
        double floor = floor(metric);
        if (a.n() >= MIN_REPEATS && b.n() >= MIN_REPEATS) {
            boolean apart = a.max() < b.min() || b.max() < a.min();
            if (!apart) {
                return new Change(metric, a, b, relative, Call.NOISE, Evidence.REPEATS, "ranges overlap");
            }
            if (Math.abs(relative) < floor) {
                return new Change(
                        metric,
                        a,
                        b,
                        relative,
                        Call.NOISE,
                        Evidence.REPEATS,
                        "ranges apart, under the " + Numbers.percent(floor) + " floor");
            }
            return new Change(
                    metric,
                    a,
                    b,
                    relative,
                    direction(metric, relative),
                    Evidence.REPEATS,
                    "ranges apart, beyond the " + Numbers.percent(floor) + " floor");
        }
        if (a.perSecondCv() == null || b.perSecondCv() == null) {
            return new Change(
                    metric,
                    a,
                    b,
                    relative,
                    Call.NOT_JUDGED,
                    Evidence.NONE,
                    "1 repeat and no per-second spread: noise unknown");
        }
        double cv = Math.max(a.perSecondCv(), b.perSecondCv());
        double threshold = Math.max(floor, PER_SECOND_CV_MULTIPLE * cv);
        String basis = "1 repeat: threshold " + Numbers.percent(threshold) + " = max(" + Numbers.percent(floor) + ", "
                + Numbers.plain(PER_SECOND_CV_MULTIPLE) + " × per-second CV " + Numbers.percent(cv) + ")";
        if (Math.abs(relative) < threshold) {
            return new Change(metric, a, b, relative, Call.NOISE, Evidence.PER_SECOND, basis);
        }
        return new Change(metric, a, b, relative, direction(metric, relative), Evidence.PER_SECOND, basis);
    }

    private static Call direction(Metric metric, double relative) {
        return (relative > 0) == metric.higherIsBetter ? Call.BETTER : Call.WORSE;
    }
}
