package lab.runner.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import lab.runrecord.Measurement;

/**
 * What the load generator's own records say about one step's steady window.
 *
 * @param open whether it is the open-model step
 * @param complete false when the records stop before the window's end (a run cut short)
 * @param offeredRps arrivals started per second in the window (open model), else null
 * @param perSecond the client's figures second by second inside the window
 */
public record LoadWindow(
        boolean open,
        Integer users,
        Integer rate,
        int rampSeconds,
        int steadySeconds,
        Instant start,
        Instant end,
        boolean complete,
        long ok,
        long ko,
        double throughputRps,
        Double offeredRps,
        Measurement.Latency latency,
        Map<String, Long> errors,
        List<ClientSecond> perSecond) {

    public LoadWindow {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
        perSecond = perSecond == null ? List.of() : List.copyOf(perSecond);
    }

    /** The step's id: {@code u400} for 400 users, {@code open3000} for 3,000 arrivals/s. */
    public String stepId() {
        return open ? "open" + rate : "u" + users;
    }

    /** One second of the window as the client saw it ({@code t} in seconds from the window's start). */
    public record ClientSecond(
            double t, Double offeredRps, double throughputRps, Double p50Ms, Double p99Ms, long ko) {}
}
