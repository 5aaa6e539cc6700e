package lab.runner.load;

import java.nio.file.Path;
import lab.gatling.stats.StepStats;

/** How a Gatling run ended: its stats (null when it produced none), its report folder and exit code. */
public record LoadOutcome(StepStats stats, Path runDir, int exitCode, String failure) {

    public boolean failed() {
        return stats == null || failure != null;
    }
}
