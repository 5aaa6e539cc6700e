package lab.runner.sampling;

import java.util.Map;

/**
 * One second's reading during a step: epoch millis, the app's meters, {@code /proc} of the app,
 * the stub and the load generator (null when not running or gone).
 */
public record Sample(long epochMs, Map<String, Double> meters, ProcStats app, ProcStats stub, ProcStats loadGen) {
}
