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

    private static final long MILLIS_PER_SECOND = 1000;

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

    /**
     * The first users Gatling starts for a population, as it plans them: Gatling injects in
     * one-second batches and spreads a batch's users evenly over its second, the first at its very
     * start. Knowing the plan lets the reader find when a population really started even when its
     * first user ran late (its event loop busy, or still starting in a fresh JVM).
     *
     * @param second the second, counted from the population's start, of its first non-empty batch
     *     (a closed ramp slower than one user per second starts nobody in its first seconds)
     * @param users how many users that batch starts
     */
    public record FirstBatch(int second, int users) {

        /** When the {@code k}-th user of the batch is planned to start, in ms from the population's start. */
        public long plannedMillis(int k) {
            return second * MILLIS_PER_SECOND + MILLIS_PER_SECOND * k / users;
        }
    }

    /**
     * The first batch of a population, following Gatling 3.15's injection: a closed ramp from 0 to
     * {@code users} over {@code rampSeconds} targets {@code floor(users / rampSeconds * t)} users at
     * the end of second {@code t}, a closed level all its users in its first second; an open ramp
     * from 1/s starts {@code floor(1 + (rate - 1) / (2 * rampSeconds))} users in its first second, an
     * open level {@code rate}.
     */
    public FirstBatch firstBatch(int population) {
        Step first = population(population).getFirst();
        if (first.model() == Model.OPEN) {
            return new FirstBatch(
                    0,
                    first.rampSeconds() == 0
                            ? first.rate()
                            : (int) (MIN_OPEN_RATE + (first.rate() - MIN_OPEN_RATE) / (2.0 * first.rampSeconds())));
        }
        if (first.rampSeconds() == 0) {
            return new FirstBatch(0, first.users());
        }
        double slope = (double) first.users() / first.rampSeconds();
        for (int second = 0; ; second++) {
            int end = second + 1;
            int target = end <= first.rampSeconds() ? (int) (slope * end) : first.users();
            if (target > 0) {
                return new FirstBatch(second, target);
            }
        }
    }

    /** Where the steady window of a step starts: after its ramp and the settle time. */
    public int windowStartSeconds(Step step) {
        return step.levelStartSeconds() + settleSeconds;
    }
}
