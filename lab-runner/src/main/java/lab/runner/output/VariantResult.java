package lab.runner.output;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One variant's run. {@code settings} is the {@code lab} section of the app's own
 * {@code /actuator/info} (what it really ran with); {@code error} is set when the variant could
 * not be measured (then {@code steps} holds what was measured before the failure).
 */
public record VariantResult(
        String name,
        String app,
        String jar,
        List<String> profiles,
        List<String> appArgs,
        List<String> jvmFlags,
        JsonNode settings,
        Integer maxThreads,
        Double cpuCeilingRps,
        Double cpuMsPerRequest,
        Warmup warmup,
        double startupSeconds,
        List<StepResult> steps,
        StepResult openModel,
        String error) {

    /** The unrecorded warm-up: how long, how many users, and what it reached (for the curious). */
    public record Warmup(int seconds, int users, Double throughputRps, Double p99Ms) {}
}
