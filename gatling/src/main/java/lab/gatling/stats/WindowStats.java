package lab.gatling.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.gatling.simulations.LoadPlan;

/**
 * One step's steady window: from the end of its ramp plus the settle time to the end of the step,
 * measured from Gatling's own records ({@code simulation.log}) of the requests sent in it.
 *
 * <p>A request belongs to the window in which it was <em>sent</em> (the load it met decides its
 * fate), so {@link #throughputRps} counts requests sent; in a closed model that equals the
 * completion rate. {@link #achievedRps} counts the OK responses <em>received</em> in the window:
 * what the app delivered, which is what matters in the open model when the app falls behind.
 *
 * @param step the planned step (model, users or rate, ramp, length)
 * @param start first instant of the window (inclusive); slice the app's samples with it
 * @param end last instant of the window (exclusive)
 * @param complete false when the window is empty (settle time not shorter than the step) or the
 *     run's records stop before its end (the run was cut short): its figures are then partial
 * @param ok requests sent in the window that got a 200
 * @param ko requests sent in the window that failed (non-200, timeout, connection error)
 * @param throughputRps (ok + ko) / window seconds
 * @param achievedRps OK responses received in the window / window seconds
 * @param offeredRps virtual users started in the window / window seconds: in the open model the
 *     arrival rate Gatling really achieved (below {@code rate} when the load generator lags); in
 *     the closed model the rate at which users replaced finished ones
 * @param latency response times of the requests sent in the window, OK and KO
 * @param errors failed requests sent in the window by error class, most frequent first
 */
public record WindowStats(
        LoadPlan.Step step,
        Instant start,
        Instant end,
        boolean complete,
        long ok,
        long ko,
        double throughputRps,
        double achievedRps,
        double offeredRps,
        Latency latency,
        Map<String, Long> errors,
        List<Second> perSecond) {

    /**
     * One whole second of the window, for time series: {@code t} seconds after the window's start,
     * users started (arrivals), requests sent, OK responses received, failures among those sent,
     * and the response times of those sent (nearest rank; 0 when none was sent).
     */
    public record Second(int t, long arrivals, long sent, long okReceived, long ko, long p50Ms, long p99Ms) {}

    /**
     * Exact response-time figures (nearest rank over every request of the window, in whole
     * milliseconds as Gatling records them), not Gatling's t-digest estimates.
     */
    public record Latency(double meanMs, long p50Ms, long p90Ms, long p95Ms, long p99Ms, long p999Ms, long maxMs) {

        public static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0, 0);
    }

    public WindowStats {
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        perSecond = perSecond == null ? List.of() : List.copyOf(perSecond);
    }

    public long requests() {
        return ok + ko;
    }

    public double koPercent() {
        return requests() == 0 ? 0 : 100.0 * ko / requests();
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
