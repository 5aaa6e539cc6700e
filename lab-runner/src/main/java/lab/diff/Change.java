package lab.diff;

import lab.runrecord.StepRun;

/**
 * One metric of one step, run A against run B, and what the noise rule made of it.
 *
 * @param a the figure in run A (null when A has none)
 * @param b the figure in run B (null when B has none)
 * @param relative (B − A) / A of the medians; null when either is missing or A's is 0
 * @param why the rule's reason, in a few words ("ranges overlap", "step invalid in B", ...)
 */
record Change(
        Metric metric, StepRun.Figure a, StepRun.Figure b, Double relative, Call call, Evidence evidence, String why) {

    /** What the change means, once the noise is accounted for. */
    enum Call {
        /** beyond the noise, in the bad direction for this metric */
        WORSE,
        /** beyond the noise, in the good direction */
        BETTER,
        /** not beyond the noise */
        NOISE,
        /** shown, never flagged: a step is invalid, a figure is missing, or the noise is unknown */
        NOT_JUDGED
    }

    /** What the call rests on. */
    enum Evidence {
        /** two or more repeats on both sides: min–max ranges across repeats */
        REPEATS,
        /** a single repeat on a side: the per-second dispersion within the window (weaker) */
        PER_SECOND,
        /** nothing to judge with */
        NONE
    }

    boolean flagged() {
        return call == Call.WORSE || call == Call.BETTER;
    }
}
