package lab.report;

import java.util.List;

/**
 * The c10k section: how many requests were meant to be in flight and what each variant did.
 *
 * @param target requests in flight the scenario aimed for (10,000 unless the open-file limit said less)
 * @param seedEstimate the seed's stack estimate in MiB, when the runner states it
 */
record C10k(Integer target, Double seedEstimate, List<C10kRun> runs) {

    /** The seed's claim: one platform thread per request, 1 MiB of stack each. */
    static final double SEED_STACK_MIB_PER_THREAD = 1.0;

    C10k {
        runs = runs == null ? List.of() : List.copyOf(runs);
    }

    /** Requests in flight the seed's estimate is about: the target, else the most any variant held. */
    int inFlight() {
        if (target != null) {
            return target;
        }
        return runs.stream()
                .map(C10kRun::inFlight)
                .filter(value -> value != null)
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
    }

    /** The runner's figure when it gives one, else one MiB per request in flight. */
    double seedEstimateMiB() {
        if (seedEstimate != null) {
            return seedEstimate;
        }
        return inFlight() * SEED_STACK_MIB_PER_THREAD;
    }
}
