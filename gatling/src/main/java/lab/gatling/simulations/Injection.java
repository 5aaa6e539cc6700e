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

/** Injection profiles built from the settings, and how long each may take at most. */
final class Injection {

    /** Time after the last injected user for in-flight requests to finish, on top of their timeout. */
    private static final Duration DRAIN_MARGIN = Duration.ofSeconds(10);
    /** Share of the spike run spent at the base rate before the burst. */
    private static final int SPIKE_LEAD_IN_DIVISOR = 3;

    private static final int MIN_OPEN_RATE = 1;

    private Injection() {}

    /**
     * Closed model: an optional ramp to each step, then {@code durationSeconds} at that many
     * concurrent users. One step normally (the lab runs one JVM per step), a whole ladder when
     * {@code ladder} is set.
     */
    static List<ClosedInjectionStep> closed(LoadSettings settings) {
        requireSockets(settings);
        List<ClosedInjectionStep> steps = new ArrayList<>();
        int previous = 0;
        for (int users : settings.closedModelSteps()) {
            if (settings.rampSeconds() > 0) {
                steps.add(rampConcurrentUsers(previous).to(users).during(settings.rampSeconds()));
            }
            steps.add(constantConcurrentUsers(users).during(settings.durationSeconds()));
            previous = users;
        }
        return steps;
    }

    /** Open model: arrivals at {@code rate} per second whatever the response times, after an optional ramp. */
    static List<OpenInjectionStep> arrivalRate(LoadSettings settings) {
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (settings.rampSeconds() > 0) {
            steps.add(rampUsersPerSec(MIN_OPEN_RATE).to(settings.rate()).during(settings.rampSeconds()));
        }
        steps.add(constantUsersPerSec(settings.rate()).during(settings.durationSeconds()));
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

    /** Closed-model run length plus time to drain; a safety net so that no run outlives its plan. */
    static Duration closedMaxDuration(LoadSettings settings) {
        int steps = settings.closedModelSteps().size();
        return drain(
                settings, Duration.ofSeconds((long) steps * (settings.rampSeconds() + settings.durationSeconds())));
    }

    static Duration openMaxDuration(LoadSettings settings) {
        return drain(settings, Duration.ofSeconds(settings.rampSeconds() + settings.durationSeconds()));
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
