package lab.gatling.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the load generator saw during one run, from Gatling's own data.
 *
 * <p>Latency figures cover all requests, OK and KO, like the "Total" column of Gatling's report;
 * percentiles are Gatling's own (the t-digest its report uses), so they match the HTML report.
 *
 * @param ok requests that got a 200
 * @param ko requests that failed (non-200 status, timeout, connection error)
 * @param throughputRps (ok + ko) / measured duration, the time from the first request sent to the last answer
 * @param errors failed requests by error class ({@code connect refused}, {@code timeout},
 *     {@code status 503}, ...), most frequent first
 * @param start when the first virtual user started
 * @param end when the last response or user end was recorded
 */
public record StepStats(
        long ok,
        long ko,
        double throughputRps,
        double meanMs,
        long p50Ms,
        long p95Ms,
        long p99Ms,
        long maxMs,
        Map<String, Long> errors,
        Instant start,
        Instant end) {

    public StepStats {
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
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
