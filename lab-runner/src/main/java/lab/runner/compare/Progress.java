package lab.runner.compare;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import lab.runner.output.StepResult;

/**
 * Progress lines as the run goes: which variant, step k of n, an ETA from the time steps really
 * took so far, and each step's outcome.
 */
final class Progress {

    /** Assumed Gatling JVM start + report time per step until real steps have been timed. */
    private static final double INITIAL_STEP_OVERHEAD_S = 8;
    /** Assumed app start per variant until one has been timed. */
    private static final double INITIAL_START_S = 15;

    private final PrintStream out;
    private final int totalSteps;
    private final int totalVariants;
    private final long started = System.nanoTime();
    private int stepsDone;
    private int variantsStarted;
    private double stepOverheadS = INITIAL_STEP_OVERHEAD_S;
    private double startS = INITIAL_START_S;
    private final int warmupS;

    Progress(PrintStream out, int totalVariants, int stepsPerVariant, int warmupS) {
        this.out = out;
        this.totalVariants = totalVariants;
        this.totalSteps = totalVariants * stepsPerVariant;
        this.warmupS = warmupS;
    }

    void say(String format, Object... args) {
        out.printf(Locale.ROOT, format + "%n", args);
        out.flush();
    }

    void variantStarted(String name, double startupSeconds) {
        variantsStarted++;
        startS = startupSeconds;
        say("== %s (variant %d of %d): up in %.1f s", name, variantsStarted, totalVariants, startupSeconds);
    }

    void stepStarting(String variant, String what, int plannedSeconds) {
        say(
                "[%s] step %d of %d: %s for %d s, ETA %s",
                variant, stepsDone + 1, totalSteps, what, plannedSeconds, eta(plannedSeconds));
    }

    void stepDone(String variant, StepResult s, double wallSeconds, int plannedSeconds) {
        stepsDone++;
        stepOverheadS = Math.max(0, wallSeconds - plannedSeconds);
        say(
                "[%s]   -> %,.0f rps (predicted %,.0f), p50 %,.0f ms, p99 %,.0f ms, errors %d, app CPU %.2f, RSS %.0f MiB, "
                        + "threads %d%s",
                variant,
                s.throughputRps(),
                s.predictedRps(),
                s.p50Ms(),
                s.p99Ms(),
                s.ko(),
                s.appCpuCores(),
                s.appRssMiB(),
                s.appThreadsLive(),
                s.valid() ? "" : "  INVALID: " + s.invalidReason());
    }

    private String eta(int nextStepSeconds) {
        int stepsLeft = totalSteps - stepsDone;
        int variantsLeft = totalVariants - variantsStarted;
        double seconds = stepsLeft * (nextStepSeconds + stepOverheadS) + variantsLeft * (startS + warmupS);
        long elapsed = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        return String.format(Locale.ROOT, "%s left (elapsed %s)", mmss((long) seconds), mmss(elapsed));
    }

    static String mmss(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
