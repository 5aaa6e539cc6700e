package lab.runner.model;

import java.util.Map;

/**
 * Everything the validity rules look at for one step.
 *
 * @param warmedUp         whether the app had an unrecorded warm-up before its first measured step
 * @param firstStep        whether this is the app's first measured step since it started
 * @param loadGenFailed    the load generator exited abnormally or wrote no results
 * @param loadCpus         CPUs shared by the stub and Gatling
 * @param appCpus          CPUs the app is pinned to
 * @param stubOverheadMs   stub probe latency (90th percentile) above the configured delay; NaN when unknown
 * @param appInProgressMax highest {@code lab.requests.in.progress} seen; NaN when unknown
 * @param foreignCpuOnAppCores CPU that other processes used on the app's CPUs
 */
public record StepEvidence(
        boolean warmedUp,
        boolean firstStep,
        boolean loadGenFailed,
        int loadCpus,
        int appCpus,
        double loadGenCpuCores,
        double stubCpuCores,
        double appCpuCores,
        double stubOverheadMs,
        int delayMs,
        double appInProgressMax,
        Map<String, Long> errors,
        long ok,
        long ko,
        double foreignCpuOnAppCores) {

    public StepEvidence {
        errors = Map.copyOf(errors);
    }
}
