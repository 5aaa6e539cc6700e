package lab.runner.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One load run for the load generator: a closed-model ladder (possibly one step), then an optional
 * open-model step, against one app. Each step is a ramp, a settle time, then its steady window.
 *
 * @param label names the run's report folder
 * @param users the closed-model steps, in order (empty for an open-model run only)
 * @param openRate arrivals per second of the open step after the ladder, 0 for none
 * @param htmlReport whether the load generator writes its own HTML report
 */
public record LoadPlan(
        String label,
        String target,
        String endpoint,
        Map<String, Integer> query,
        List<Integer> users,
        int rampSeconds,
        int settleSeconds,
        int stepSeconds,
        int openRate,
        int openSeconds,
        int requestTimeoutMs,
        boolean htmlReport,
        Path resultsFolder) {

    public LoadPlan {
        query = Map.copyOf(query);
        users = List.copyOf(users);
    }

    /** Seconds the plan takes at most (ramps, steps, and time for the last requests to finish). */
    public int plannedSeconds() {
        int ladder = users.size() * (rampSeconds + stepSeconds);
        int open = openRate > 0 ? rampSeconds + openSeconds : 0;
        return ladder + open + (int) Math.ceil(requestTimeoutMs / 1000.0) * (openRate > 0 ? 2 : 1);
    }
}
