package lab.resilience.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import lab.resilience.support.Bodies;
import lab.resilience.support.Client;
import lab.resilience.support.ComparedVariants;
import lab.resilience.support.Figures;
import lab.resilience.support.Lab;
import lab.resilience.support.Load;
import lab.resilience.support.Meters;
import lab.resilience.support.Reply;
import lab.resilience.support.Stats;
import lab.variants.Variant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Above {@code lab.overload.max-in-progress} the apps shed load at once with 503 and
 * {@code Retry-After}, instead of queueing it, and serve normally again once the burst is over.
 */
@Order(6)
class OverloadTest {

    /** Five times the limit, all released at once. */
    private static final int BURST = Lab.MAX_IN_PROGRESS * 5;
    /** Slow enough that the admitted requests are still in progress while the rest arrive, well inside the response timeout. */
    private static final Duration SLOW = Lab.RESPONSE_TIMEOUT.dividedBy(2);
    /** A shed answer costs no downstream wait: its median must be far below the admitted ones'. */
    private static final int SHED_SPEEDUP = 3;

    private static final Duration IDLE_BOUND = Duration.ofSeconds(10);

    /**
     * One unmeasured burst first: a cold JVM (thread pools growing to the burst, C1 compiling the
     * shedding path) would otherwise make the first 503s as slow as the admitted requests.
     */
    private static void warmUp(String url, Meters meters) {
        Load.all(Load.burst(url, BURST));
        awaitIdle(meters);
    }

    private static void awaitIdle(Meters meters) {
        await("requests in progress back to 0")
                .atMost(IDLE_BOUND)
                .until(() -> meters.require("lab.requests.in.progress") == 0);
    }

    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void requestsAboveTheLimitAreShedAtOnceWith503AndRetryAfter(Variant variant) {
        String app = Lab.app(variant).baseUrl();
        Meters meters = new Meters(app);
        String url = app + "/api/io?delayMs=" + SLOW.toMillis();
        warmUp(url, meters);
        double shedBefore = meters.count("lab.requests.shed");

        List<Reply> replies = Load.all(Load.burst(url, BURST));

        List<Reply> ok = replies.stream().filter(r -> r.status() == 200).toList();
        List<Reply> shed = replies.stream().filter(r -> r.status() == 503).toList();
        assertThat(replies)
                .as("every request is answered, with 200 or 503")
                .hasSize(BURST)
                .allMatch(r -> r.status() == 200 || r.status() == 503, "200 or 503");
        assertThat(ok).as("admitted: at least one, at most the limit").hasSizeBetween(1, Lab.MAX_IN_PROGRESS);
        for (Reply reply : shed) {
            Bodies.assertProblem(reply, 503, "overloaded");
            assertThat(reply.retryAfter())
                    .as("Retry-After of %s", reply)
                    .hasValueSatisfying(v -> assertThat(v).containsOnlyDigits());
        }
        long okMedian = Stats.medianMillis(ok);
        long shedMedian = Stats.medianMillis(shed);
        assertThat(shedMedian * SHED_SPEEDUP)
                .as(
                        "503s (median %d ms) answered long before the admitted requests finish (median %d ms)",
                        shedMedian, okMedian)
                .isLessThan(okMedian);
        assertThat(meters.count("lab.requests.shed")).as("lab.requests.shed").isEqualTo(shedBefore + shed.size());

        Figures.record(
                "overload",
                "%s: %d concurrent x %d ms, limit %d -> %d x 200 (median %d ms), %d x 503 (median %d ms, Retry-After %s s)",
                variant.id(),
                BURST,
                SLOW.toMillis(),
                Lab.MAX_IN_PROGRESS,
                ok.size(),
                okMedian,
                shed.size(),
                shedMedian,
                shed.isEmpty() ? "-" : shed.get(0).retryAfter().orElse("?"));
    }

    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void afterABurstTheAppIsHealthyAndServesUpToTheLimitAgain(Variant variant) {
        String app = Lab.app(variant).baseUrl();
        Meters meters = new Meters(app);
        Load.all(Load.burst(app + "/api/io?delayMs=" + SLOW.toMillis(), BURST));

        awaitIdle(meters);
        assertThat(Client.get(app + "/actuator/health").status())
                .as("health after the burst")
                .isEqualTo(200);
        List<Reply> again = Load.all(Load.burst(app + "/api/io?delayMs=" + SLOW.toMillis(), Lab.MAX_IN_PROGRESS));
        assertThat(again).as("a batch at the limit is served in full").allMatch(r -> r.status() == 200, "200");
    }
}
