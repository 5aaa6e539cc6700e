package lab.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Injection profiles built from the settings, and how long each may take at most. */
final class Injection {

    /** Time after the last injected user for in-flight requests to finish, on top of their timeout. */
    private static final Duration DRAIN_MARGIN = Duration.ofSeconds(10);
    /** Share of the spike run spent at the base rate before the burst. */
    private static final int SPIKE_LEAD_IN_DIVISOR = 3;

    private Injection() {}

    /**
     * Closed model: an optional ramp to each step, then {@code durationSeconds} at that many
     * concurrent users; one step ({@code users}) or the whole {@code ladder}.
     */
    static List<ClosedInjectionStep> closed(LoadSettings settings) {
        requireSockets(settings);
        List<ClosedInjectionStep> steps = new ArrayList<>();
        int previous = 0;
        for (LoadPlan.Step step : LoadPlan.ladder(settings).population(LoadPlan.LADDER)) {
            if (step.rampSeconds() > 0) {
                steps.add(rampConcurrentUsers(previous).to(step.users()).during(step.rampSeconds()));
            }
            steps.add(constantConcurrentUsers(step.users()).during(step.steadySeconds()));
            previous = step.users();
        }
        return steps;
    }

    /** Open model: arrivals at {@code rate} per second whatever the response times, after an optional ramp. */
    static List<OpenInjectionStep> arrivalRate(LoadSettings settings) {
        return open(LoadPlan.of(ArrivalRateSimulation.class, settings).steps().getFirst());
    }

    /** The open-model step that follows the ladder ({@code openSeconds > 0}), if any. */
    static Optional<List<OpenInjectionStep>> openAfterLadder(LoadSettings settings) {
        return LoadPlan.ladder(settings).population(LoadPlan.OPEN_AFTER_LADDER).stream()
                .findFirst()
                .map(Injection::open);
    }

    private static List<OpenInjectionStep> open(LoadPlan.Step step) {
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (step.rampSeconds() > 0) {
            steps.add(rampUsersPerSec(LoadPlan.MIN_OPEN_RATE).to(step.rate()).during(step.rampSeconds()));
        }
        steps.add(constantUsersPerSec(step.rate()).during(step.steadySeconds()));
        return steps;
    }

    /** Open model: {@code baseRate} per second, {@code spikeUsers} at one instant, then {@code baseRate} again. */
    static List<OpenInjectionStep> spike(LoadSettings settings) {
        int leadIn = Math.max(1, settings.durationSeconds() / SPIKE_LEAD_IN_DIVISOR);
        int after = Math.max(1, settings.durationSeconds() - leadIn);
        return List.of(
                constantUsersPerSec(settings.baseRate()).during(leadIn),
                atOnceUsers(settings.spikeUsers()),
                constantUsersPerSec(settings.baseRate()).during(after));
    }

    /**
     * Closed-model run length (and the open step after it, if any) plus time to drain; a safety
     * net so that no run outlives its plan. The open step starts once the ladder's last requests
     * have ended, on Gatling's next one-second tick.
     */
    static Duration closedMaxDuration(LoadSettings settings) {
        Duration total = Duration.ZERO;
        for (List<LoadPlan.Step> population : populations(LoadPlan.ladder(settings))) {
            total = total.plus(
                    drain(settings, Duration.ofSeconds(population.getLast().endSeconds())));
        }
        return total;
    }

    static Duration openMaxDuration(LoadSettings settings) {
        return drain(settings, Duration.ofSeconds(settings.rampSeconds() + settings.durationSeconds()));
    }

    private static List<List<LoadPlan.Step>> populations(LoadPlan plan) {
        List<List<LoadPlan.Step>> populations = new ArrayList<>();
        for (int population = 0; population < plan.populations(); population++) {
            populations.add(plan.population(population));
        }
        return populations;
    }

    private static Duration drain(LoadSettings settings, Duration injection) {
        return injection.plusMillis(settings.requestTimeoutMs()).plus(DRAIN_MARGIN);
    }

    /**
     * With shared connections, every concurrent user holds one socket (and the app one more).
     * Refuse up front rather than fail halfway with "Too many open files".
     */
    private static void requireSockets(LoadSettings settings) {
        if (settings.peakUsers() > settings.maxConnections()) {
            throw new IllegalArgumentException("the closed model needs " + settings.peakUsers()
                    + " connections (one per concurrent user) but maxConnections is " + settings.maxConnections()
                    + "; raise maxConnections (and ulimit -n) or lower users/ladder");
        }
    }
}
