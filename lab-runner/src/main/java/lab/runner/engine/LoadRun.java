package lab.runner.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * How a load run ended.
 *
 * @param failure why it failed, null when it did not
 * @param reportDir the load generator's report folder, null when none
 * @param windows each planned step's steady window, in plan order
 * @param requests every request the run made, ramps, settles and drains included (0 when unknown)
 */
public record LoadRun(String failure, Path reportDir, List<LoadWindow> windows, long requests) {

    public LoadRun {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }
}
