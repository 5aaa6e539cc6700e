package lab.dashboard.load;

import java.util.Map;

/**
 * One target's interval as the load generator saw it. Latencies run from the moment a request
 * was due (its intended send time: in mode {@code rate} the arrival time, in mode {@code users}
 * the previous answer), so time spent queued anywhere (in Tomcat's accept queue, in a connection
 * pool, in the generator itself) is in them.
 *
 * @param rps answers per second, any status
 * @param sentRps requests sent per second
 * @param p50Ms median latency of the interval's answers, null when none
 * @param p99Ms 99th percentile
 * @param maxMs the slowest answer
 * @param inFlight requests sent and not answered yet
 * @param errors in the interval: answers of status 400 and above by status, {@code timeout} (no
 *     answer within the response timeout), {@code io} (connection refused, reset or closed), and
 *     {@code skipped} (arrivals not sent because {@code maxInFlight} requests were outstanding)
 */
public record ClientFigures(
        double rps, double sentRps, Double p50Ms, Double p99Ms, Double maxMs, int inFlight, Map<String, Long> errors) {}
