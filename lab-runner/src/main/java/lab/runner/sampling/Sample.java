package lab.runner.sampling;

import java.util.Map;

/**
 * One second's reading during a step: epoch millis, the app's meters, {@code /proc} of the app,
 * the stub and the load generator (null when not running or gone), and how busy the app's CPUs
 * were so far whoever used them (seconds; negative when unknown).
 */
public record Sample(
        long epochMs,
        Map<String, Double> meters,
        ProcStats app,
        ProcStats stub,
        ProcStats loadGen,
        double appCpusBusySeconds) {}
