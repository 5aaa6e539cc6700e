package lab.gatling.simulations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a lab simulation injects, step by step, and where each step's steady window lies: the one
 * schedule that both the injection ({@link Injection}) and the stats reader
 * ({@code lab.gatling.stats.SteadyWindows}) follow.
 *
 * <p>A run has one or two populations, started one after the other: a closed-model ladder, then
 * (when {@code openSeconds > 0}) an open-model step, which Gatling starts once every ladder user
 * has finished. Each step's offsets count from the start of its population, which the reader
 * takes from the run's own records (the first user started by that population).
 *
 * @param steps every step, in the order they run
 * @param settleSeconds time after a step's ramp that still belongs to neither ramp nor window
 */
public record LoadPlan(List<Step> steps, int settleSeconds) {

    /** Closed model: a fixed number of users; open model: a fixed arrival rate. */
    public enum Model {
        CLOSED,
        OPEN
    }

    /** The populations of a ladder run: the ladder first, then the open-model step. */
    public static final int LADDER = 0;

    public static final int OPEN_AFTER_LADDER = 1;

    /** Open-model ramps start at one arrival per second (Gatling cannot ramp from 0/s). */
    static final int MIN_OPEN_RATE = 1;

    /**
     * One step: a ramp, then {@code steadySeconds} at the level.
     *
     * @param population which population runs it, in start order (0 = the first to start)
     * @param users closed model: concurrent users (0 in the open model)
     * @param rate open model: arrivals per second (0 in the closed model)
     * @param startSeconds when its ramp starts, counted from the start of its population
     */
    public record Step(
            Model model, int population, int users, int rate, int rampSeconds, int steadySeconds, int startSeconds) {

        /** Where the level starts: the end of the ramp. */
        public int levelStartSeconds() {
            return startSeconds + rampSeconds;
        }

        /** The end of the step. */
        public int endSeconds() {
            return levelStartSeconds() + steadySeconds;
        }

        /** "400 users" or "2500/s". */
        public String label() {
            return model == Model.CLOSED ? users + " users" : String.format(Locale.ROOT, "%d/s", rate);
        }
    }

    public LoadPlan {
        steps = List.copyOf(steps);
        if (settleSeconds < 0) {
            throw new IllegalArgumentException("settleSeconds must not be negative, got " + settleSeconds);
        }
    }

    /**
     * The plan of a simulation class with these settings: closed-model simulations run the ladder
     * (or {@code users}) and then the open step when {@code openSeconds > 0};
     * {@link ArrivalRateSimulation} runs one open step; anything else (the spike, foreign
     * simulations) has no steady window.
     */
    public static LoadPlan of(Class<?> simulation, LoadSettings settings) {
        if (ClosedModelSimulation.class.isAssignableFrom(simulation)) {
            return ladder(settings);
        }
        if (ArrivalRateSimulation.class.isAssignableFrom(simulation)) {
            return new LoadPlan(
                    List.of(openStep(LADDER, settings.rate(), settings.rampSeconds(), settings.durationSeconds())),
                    settings.settleSeconds());
        }
        return new LoadPlan(List.of(), settings.settleSeconds());
    }

    /** The closed-model ladder, then the open step when {@code openSeconds > 0}. */
    static LoadPlan ladder(LoadSettings settings) {
        List<Step> steps = new ArrayList<>();
        int start = 0;
        for (int users : settings.closedModelSteps()) {
            steps.add(new Step(
                    Model.CLOSED, LADDER, users, 0, settings.rampSeconds(), settings.durationSeconds(), start));
            start += settings.rampSeconds() + settings.durationSeconds();
        }
        if (settings.openSeconds() > 0) {
            steps.add(openStep(OPEN_AFTER_LADDER, settings.rate(), settings.rampSeconds(), settings.openSeconds()));
        }
        return new LoadPlan(steps, settings.settleSeconds());
    }

    private static Step openStep(int population, int rate, int rampSeconds, int steadySeconds) {
        return new Step(Model.OPEN, population, 0, rate, rampSeconds, steadySeconds, 0);
    }

    /** The steps one population runs, in order. */
    public List<Step> population(int population) {
        return steps.stream().filter(step -> step.population() == population).toList();
    }

    /** How many populations start one after the other. */
    public int populations() {
        return steps.stream().mapToInt(Step::population).max().orElse(-1) + 1;
    }

    /** Where the steady window of a step starts: after its ramp and the settle time. */
    public int windowStartSeconds(Step step) {
        return step.levelStartSeconds() + settleSeconds;
    }
}
