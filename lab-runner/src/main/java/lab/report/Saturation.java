package lab.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a variant stopped scaling, found from its numbers alone (never from its name).
 *
 * <p>A closed model with N users and response time R can do at most N / R requests per second
 * (Little's law). While nothing saturates, doubling users doubles throughput. The plateau starts
 * at the first pair of valid steps where throughput grew by much less than users did.
 *
 * @param ceiling best throughput on the plateau (null when there is no plateau)
 * @param reachedAt first step within {@link ReportThresholds#ceilingReached()} of the ceiling
 * @param serviceTimeSeconds response time when nothing queues: users / throughput at the lightest
 *     valid step
 * @param cpus CPUs the app may use, when known
 */
record Saturation(
        Variant variant,
        Double ceiling,
        Step reachedAt,
        Step peak,
        double serviceTimeSeconds,
        Limit limit,
        Integer threadPoolSize,
        Double cpus) {

    /** What the numbers say limited the plateau. */
    enum Limit {
        THREAD_POOL,
        CPU,
        UNEXPLAINED,
        NONE
    }

    boolean hasCeiling() {
        return ceiling != null;
    }

    /** Throughput the thread pool allows: maxThreads / service time. */
    Double threadPoolCeiling() {
        return threadPoolSize == null ? null : threadPoolSize / serviceTimeSeconds;
    }

    static Optional<Saturation> of(Variant variant, Optional<Double> appCpus, ReportThresholds thresholds) {
        List<Step> valid = variant.validSteps().stream()
                .filter(step -> step.throughputRps() != null && step.throughputRps() > 0)
                .toList();
        if (valid.isEmpty()) {
            return Optional.empty();
        }
        Step lightest = valid.getFirst();
        double serviceTime = lightest.users() / lightest.throughputRps();
        Integer pool = variant.threadPoolSize().orElse(null);
        Double cpus = appCpus.orElse(null);
        int plateauStart = plateauStart(valid, thresholds);
        if (plateauStart < 0) {
            return Optional.of(
                    new Saturation(variant, null, null, valid.getLast(), serviceTime, Limit.NONE, pool, cpus));
        }
        List<Step> plateau = valid.subList(plateauStart, valid.size());
        Step peak =
                plateau.stream().max(Comparator.comparing(Step::throughputRps)).orElseThrow();
        double ceiling = peak.throughputRps();
        Step reachedAt = valid.stream()
                .filter(step -> step.throughputRps() >= (1 - thresholds.ceilingReached()) * ceiling)
                .findFirst()
                .orElse(peak);
        Limit limit = limit(ceiling, peak, serviceTime, pool, cpus, thresholds);
        return Optional.of(new Saturation(variant, ceiling, reachedAt, peak, serviceTime, limit, pool, cpus));
    }

    private static int plateauStart(List<Step> valid, ReportThresholds thresholds) {
        for (int i = 0; i + 1 < valid.size(); i++) {
            Step before = valid.get(i);
            Step after = valid.get(i + 1);
            double userGrowth = (double) after.users() / before.users() - 1;
            double throughputGrowth = after.throughputRps() / before.throughputRps() - 1;
            if (userGrowth > 0 && throughputGrowth < thresholds.plateauGrowth() * userGrowth) {
                return i;
            }
        }
        return -1;
    }

    private static Limit limit(
            double ceiling, Step peak, double serviceTime, Integer pool, Double cpus, ReportThresholds thresholds) {
        if (pool != null) {
            double poolCeiling = pool / serviceTime;
            if (Math.abs(ceiling - poolCeiling) <= thresholds.threadPoolMatch() * poolCeiling) {
                return Limit.THREAD_POOL;
            }
        }
        if (cpus != null && peak.appCpuCores() != null && peak.appCpuCores() >= thresholds.cpuBound() * cpus) {
            return Limit.CPU;
        }
        return Limit.UNEXPLAINED;
    }
}
