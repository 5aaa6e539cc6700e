package lab.runner.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Gatling run: which simulation, against what, how hard and how long. Closed model sets
 * {@code users}, open model sets {@code rate}; the other is 0.
 *
 * @param label folder name of this run's report under the output's {@code gatling/} folder
 */
public record LoadRequest(
        String label,
        String simulation,
        String target,
        int users,
        int rate,
        int delayMs,
        int durationSeconds,
        int rampSeconds,
        int requestTimeoutMs,
        int maxConnections,
        boolean htmlReport) {

    public static final String CLOSED = "lab.gatling.simulations.ConcurrencyLadderSimulation";
    public static final String OPEN = "lab.gatling.simulations.ArrivalRateSimulation";

    public static LoadRequest closed(
            String label, String target, int users, int delayMs, int seconds, int rampSeconds, int requestTimeoutMs) {
        return new LoadRequest(
                label,
                CLOSED,
                target,
                users,
                0,
                delayMs,
                seconds,
                rampSeconds,
                requestTimeoutMs,
                Math.max(users, 1),
                true);
    }

    public static LoadRequest open(
            String label, String target, int rate, int delayMs, int seconds, int requestTimeoutMs) {
        return new LoadRequest(
                label, OPEN, target, 0, rate, delayMs, seconds, 0, requestTimeoutMs, Math.max(rate, 1), true);
    }

    /** The same run without Gatling's HTML report (a warm-up needs none, and it saves seconds). */
    public LoadRequest withoutReport() {
        return new LoadRequest(
                label,
                simulation,
                target,
                users,
                rate,
                delayMs,
                durationSeconds,
                rampSeconds,
                requestTimeoutMs,
                maxConnections,
                false);
    }

    public boolean isOpenModel() {
        return rate > 0;
    }

    /** The simulation's system properties (names from the gatling module's {@code LoadSettings}). */
    public Map<String, String> systemProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("target", target);
        if (users > 0) {
            p.put("users", Integer.toString(users));
        }
        if (rate > 0) {
            p.put("rate", Integer.toString(rate));
        }
        p.put("delayMs", Integer.toString(delayMs));
        p.put("durationSeconds", Integer.toString(durationSeconds));
        p.put("rampSeconds", Integer.toString(rampSeconds));
        p.put("requestTimeoutMs", Integer.toString(requestTimeoutMs));
        p.put("maxConnections", Integer.toString(maxConnections));
        // The lab records failures as data; a failed assertion would only turn them into an exit code.
        p.put("assertions", "false");
        return p;
    }
}
