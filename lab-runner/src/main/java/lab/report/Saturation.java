package lab.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;

/**
 * Where a variant stopped scaling, found from its valid closed-model steps alone (never from its name).
 *
 * <p>A closed model with N users and response time R can do at most N / R requests per second
 * (Little's law). While nothing saturates, doubling users doubles throughput. The plateau starts
 * at the first pair of valid steps where the median throughput grew by much less than users did.
 *
 * @param valid the valid closed steps with a throughput, by users
 * @param peak the best step on the plateau, or the last valid step when there is no plateau
 * @param reachedAt first step within {@link ReportThresholds#ceilingReached()} of the ceiling (null without plateau)
 */
record Saturation(VariantRun variant, List<StepRun> valid, boolean plateau, StepRun peak, StepRun reachedAt) {

    static Optional<Saturation> of(VariantRun variant, ReportThresholds thresholds) {
        List<StepRun> valid = Steps.closed(variant).stream()
                .filter(Steps::valid)
                .filter(step ->
                        Steps.throughput(step) != null && Steps.throughput(step).median() > 0)
                .toList();
        if (valid.isEmpty()) {
            return Optional.empty();
        }
        int start = plateauStart(valid, thresholds);
        if (start < 0) {
            return Optional.of(new Saturation(variant, valid, false, valid.getLast(), null));
        }
        StepRun peak = valid.subList(start, valid.size()).stream()
                .max(Comparator.comparing(step -> Steps.throughput(step).median()))
                .orElseThrow();
        double ceiling = Steps.throughput(peak).median();
        StepRun reachedAt = valid.stream()
                .filter(step -> Steps.throughput(step).median() >= (1 - thresholds.ceilingReached()) * ceiling)
                .findFirst()
                .orElse(peak);
        return Optional.of(new Saturation(variant, valid, true, peak, reachedAt));
    }

    Stat ceiling() {
        return Steps.throughput(peak);
    }

    private static int plateauStart(List<StepRun> valid, ReportThresholds thresholds) {
        for (int i = 0; i + 1 < valid.size(); i++) {
            StepRun before = valid.get(i);
            StepRun after = valid.get(i + 1);
            double userGrowth = (double) after.load().users() / before.load().users() - 1;
            double throughputGrowth =
                    Steps.throughput(after).median() / Steps.throughput(before).median() - 1;
            if (userGrowth > 0 && throughputGrowth < thresholds.plateauGrowth() * userGrowth) {
                return i;
            }
        }
        return -1;
    }
}
