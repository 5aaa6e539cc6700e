package lab.runrecord;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One variant's run: how it was launched, what its JVM derived, its warm-up, its ceilings and its
 * steps. {@code error} is set when the variant could not be measured to the end; {@code steps} then
 * holds what was measured before.
 *
 * @param name {@code mvc}, {@code mvc-vt}, {@code webflux}, {@code mvc-10k}
 * @param app {@code mvc} or {@code webflux}
 * @param model {@code thread-per-request}, {@code virtual-threads} or {@code event-loop}
 * @param settings the {@code lab} section of the app's own {@code /actuator/info}: what it really ran with
 */
public record VariantRun(
        String name,
        String app,
        String model,
        LaunchInfo launch,
        JsonNode settings,
        RuntimeInfo runtime,
        double startupSeconds,
        WarmupResult warmup,
        Ceilings ceilings,
        List<StepRun> steps,
        Failure failure) {

    public VariantRun {
        steps = List.copyOf(steps);
    }

    /**
     * @param jar relative to the repository root
     * @param appArgs extra Spring Boot arguments beyond the variant's profile
     * @param cgroup the cgroup the app ran in, when pod limits were enforced
     */
    public record LaunchInfo(
            String jar, List<String> profiles, List<String> appArgs, List<String> jvmFlags, String cgroup) {

        public LaunchInfo {
            profiles = List.copyOf(profiles);
            appArgs = List.copyOf(appArgs);
            jvmFlags = List.copyOf(jvmFlags);
        }
    }

    /**
     * What the app's JVM derived from its limits, as it reports in {@code /actuator/info}; null
     * where the app does not say.
     */
    public record RuntimeInfo(
            Integer availableProcessors,
            Long maxHeapBytes,
            List<String> gc,
            Integer maxThreads,
            Integer eventLoopThreads,
            Integer virtualThreadParallelism) {}

    /**
     * The warm-up before the first measured step: chunks of load until the app's throughput and
     * CPU per request, and the load generator's CPU per request, are stable (the rule in
     * {@code rule}), capped in time.
     *
     * @param stable whether it became stable before the cap; when not, every step is marked cold
     * @param secondsToStable load seconds until the rule was first met (how long this model takes to warm)
     */
    public record WarmupResult(
            int users, double seconds, boolean stable, Double secondsToStable, String rule, List<Chunk> chunks) {

        public WarmupResult {
            chunks = List.copyOf(chunks);
        }

        /**
         * One warm-up chunk: its end (seconds of load so far), what it reached, and what the load
         * generator (warming up in the same chunks) cost per request.
         */
        public record Chunk(
                double t, double throughputRps, Double cpuMsPerRequest, double p99Ms, Double loadGenCpuMsPerRequest) {}
    }

    /**
     * The limits this variant's steps are predicted from, measured in this run.
     *
     * @param maxThreads the platform-thread pool that bounds requests in flight, when there is one
     * @param perRequestOverheadMs time a request spends outside the downstream wait, measured at the lowest step
     * @param threadCeilingRps {@code maxThreads / (delay + overhead)}
     * @param cpuMsPerRequest app CPU per request at the most loaded valid step
     * @param cpuCeilingRps {@code CPU budget / CPU per request}
     */
    public record Ceilings(
            Integer maxThreads,
            Double perRequestOverheadMs,
            Double threadCeilingRps,
            Double cpuMsPerRequest,
            Double cpuCeilingRps) {}

    /**
     * Why the variant stopped early.
     *
     * @param kind {@code start-failed}, {@code oom-killed} (by the cgroup's memory limit),
     *     {@code out-of-memory} (the JVM's own OutOfMemoryError), {@code no-native-thread} (Java could
     *     not create another thread), {@code exited}, {@code error}
     * @param atStep the step during which it happened, if any
     */
    public record Failure(String kind, String message, String atStep) {}
}
