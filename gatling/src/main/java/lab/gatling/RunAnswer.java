package lab.gatling;

import java.nio.file.Path;
import java.util.List;
import lab.gatling.stats.StepStats;
import lab.gatling.stats.WindowStats;

/**
 * How one run ended, as {@link LoadWorker} answers it (one JSON line) and {@link RunSimulation}
 * prints it.
 *
 * @param id the command's id
 * @param exitCode Gatling's status (0 ok, 2 assertions failed), or {@value SimulationRunner#CRASHED}
 *     when the run crashed (e.g. a setting out of range) or the command was unreadable,
 *     {@value SimulationRunner#NO_RESULTS} when it left no {@code simulation.log}
 * @param failure why the run or its stats failed, null when all went well (failed assertions are
 *     not a failure here: they are in {@code exitCode})
 * @param runDir the run folder ({@code simulation.log}, report, saved stats), null when none
 * @param stats the whole run as Gatling's report sees it (ramps included), null when unreadable
 * @param windows each planned step's steady window, in plan order (empty for simulations without
 *     a plan, such as the spike)
 */
public record RunAnswer(
        String id, int exitCode, String failure, Path runDir, StepStats stats, List<WindowStats> windows) {

    public RunAnswer {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    /** A run that left nothing to read. */
    public static RunAnswer failed(String id, int exitCode, String failure) {
        return new RunAnswer(id, exitCode, failure, null, null, List.of());
    }

    /** The same answer for a run folder that was moved. */
    public RunAnswer withRunDir(Path moved) {
        return new RunAnswer(id, exitCode, failure, moved, stats, windows);
    }

    public boolean failed() {
        return failure != null || stats == null;
    }
}
