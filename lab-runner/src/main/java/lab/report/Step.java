package lab.report;

import java.util.Map;

/**
 * One closed-model step of the ladder, as the runner wrote it. Every figure is optional (boxed):
 * an old or partial results file still renders, with gaps where numbers are missing.
 *
 * <p>Latencies are Gatling's (client side). {@code serverMeanMs} and {@code serverP99Ms} are the
 * app's own {@code http.server.requests} timer, which starts only when a thread picks the request up.
 */
record Step(
        Integer users,
        Double throughputRps,
        Double meanMs,
        Double p50Ms,
        Double p95Ms,
        Double p99Ms,
        Double maxMs,
        Long ok,
        Long ko,
        Map<String, Long> errors,
        Double predictedRps,
        Double serverMeanMs,
        Double serverP99Ms,
        Double appCpuCores,
        Double appCpuMsPerRequest,
        Double appRssMiB,
        Integer appThreadsLive,
        Double loadGenCpuCores,
        Boolean valid,
        String invalidReason) {

    Step {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    /** A step the runner did not judge is taken at face value; only an explicit false discards it. */
    boolean isValid() {
        return !Boolean.FALSE.equals(valid);
    }

    long errorCount() {
        if (ko != null) {
            return ko;
        }
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** CPU time the app spent per request, in milliseconds; null when it cannot be known. */
    Double cpuMsPerRequest() {
        if (appCpuMsPerRequest != null) {
            return appCpuMsPerRequest;
        }
        if (appCpuCores == null || throughputRps == null || throughputRps <= 0) {
            return null;
        }
        return appCpuCores / throughputRps * Fmt.MILLIS_PER_SECOND;
    }
}
