package lab.resilience.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lab.contract.kit.StubFaults.Fault;
import lab.resilience.support.Bodies;
import lab.resilience.support.Client;
import lab.resilience.support.ClientPool;
import lab.resilience.support.ComparedVariants;
import lab.resilience.support.Figures;
import lab.resilience.support.Lab;
import lab.resilience.support.Load;
import lab.resilience.support.Meters;
import lab.resilience.support.Reply;
import lab.resilience.support.Stats;
import lab.variants.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * After the downstream fails or disappears and comes back, success returns to 100 % by itself,
 * and nothing is left behind: no extra threads, no leased or pending client connections.
 */
@Order(7)
class RecoveryTest {

    /** Below the shared apps' overload limit, so nothing is shed. */
    private static final int WORKERS = 3;

    private static final Duration CALL = Duration.ofMillis(50);
    /** Successes in a row that count as "recovered". */
    private static final int STREAK = 20;

    private static final int FAILURES_TO_SEE = 10;
    /** "Within a few seconds" of the downstream healing. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(10);
    /** Threads a JVM may legitimately start or end on its own (GC, JIT, timers) between two reads. */
    private static final int THREAD_MARGIN = 4;

    @AfterEach
    void healTheStub() {
        Lab.restartStub();
        Lab.stubFaults().clear();
    }

    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void afterResetsAndServerErrorsSuccessReturnsWithoutLeakingThreadsOrConnections(Variant variant) {
        String app = Lab.app(variant).baseUrl();
        Meters meters = new Meters(app);
        String url = app + "/api/io?delayMs=" + CALL.toMillis();
        int baselineThreads = warmBaselineThreads(url, meters);

        long healedAt;
        Duration recovery;
        try (Load.Loop load = Load.loop(url, WORKERS)) {
            long faultyFrom = System.nanoTime();
            Lab.stubFaults().set(Map.of(Fault.RESET, 50, Fault.SERVER_ERROR, 50));
            await("failures under faults")
                    .atMost(RECOVERY_BOUND)
                    .until(() -> load.startedSince(faultyFrom).stream()
                                    .filter(r -> r.status() == 502)
                                    .count()
                            >= FAILURES_TO_SEE);
            Lab.stubFaults().clear();
            healedAt = System.nanoTime();
            awaitStreakOf200(load, healedAt);
            recovery = timeToRecover(load, healedAt);
            List<Reply> duringFaults = load.replies().stream()
                    .filter(t -> t.startedAtNanos() >= faultyFrom && t.reply().finishedAtNanos() <= healedAt)
                    .map(Load.Timed::reply)
                    .toList();
            assertThat(duringFaults)
                    .as("under faults every answer is 200 or 502 with the catalogue body")
                    .allSatisfy(r -> {
                        if (r.status() != 200) {
                            Bodies.assertProblem(r, 502, "downstream-failed");
                        }
                    });
        }

        assertNothingLeaks(variant, meters, baselineThreads);
        Figures.record(
                "recovery (faults)",
                "%s: 50%% resets + 50%% 5xx, then healed -> %d x 200 in a row from %d ms after healing; threads back to baseline %d",
                variant.id(),
                STREAK,
                recovery.toMillis(),
                baselineThreads);
    }

    @Test
    void whenTheStubIsKilledEveryAppAnswers502FastAndRecoversOnceItIsBack() {
        Map<Variant, Meters> meters = new EnumMap<>(Variant.class);
        Map<Variant, Integer> baselineThreads = new EnumMap<>(Variant.class);
        Map<Variant, Double> refusedBefore = new EnumMap<>(Variant.class);
        Map<Variant, Load.Loop> loads = new EnumMap<>(Variant.class);
        for (Variant variant : Variant.COMPARED) {
            String url = Lab.app(variant).baseUrl() + "/api/io?delayMs=" + CALL.toMillis();
            meters.put(variant, new Meters(Lab.app(variant).baseUrl()));
            baselineThreads.put(variant, warmBaselineThreads(url, meters.get(variant)));
            refusedBefore.put(variant, meters.get(variant).downstreamCalls("refused"));
        }
        try {
            for (Variant variant : Variant.COMPARED) {
                loads.put(
                        variant, Load.loop(Lab.app(variant).baseUrl() + "/api/io?delayMs=" + CALL.toMillis(), WORKERS));
            }
            Lab.killStub();
            long killedAt = System.nanoTime();
            for (Variant variant : Variant.COMPARED) {
                Load.Loop load = loads.get(variant);
                await(variant + " failing while the stub is down")
                        .atMost(RECOVERY_BOUND)
                        .until(() -> load.startedSince(killedAt).size() >= FAILURES_TO_SEE);
                List<Reply> down = load.startedSince(killedAt);
                assertThat(down)
                        .as("%s: every request while the stub is down is a 502", variant)
                        .allSatisfy(r -> Bodies.assertProblem(r, 502, "downstream-failed"));
                long median = Stats.medianMillis(down);
                assertThat(Duration.ofMillis(median))
                        .as("%s: refused is fast, far below the connect timeout", variant)
                        .isLessThan(Lab.CONNECT_TIMEOUT.dividedBy(4));
                assertThat(meters.get(variant).downstreamCalls("refused"))
                        .as("%s: lab.downstream.calls{outcome=refused}", variant)
                        .isGreaterThan(refusedBefore.get(variant));
                Figures.record(
                        "stub killed",
                        "%s: %d requests while down -> all 502, median %d ms (connect timeout %d ms)",
                        variant.id(),
                        down.size(),
                        median,
                        Lab.CONNECT_TIMEOUT.toMillis());
            }

            Lab.restartStub();
            long backAt = System.nanoTime();
            for (Variant variant : Variant.COMPARED) {
                awaitStreakOf200(loads.get(variant), backAt);
                Figures.record(
                        "stub back",
                        "%s: %d x 200 in a row from %d ms after the stub was ready again",
                        variant.id(),
                        STREAK,
                        timeToRecover(loads.get(variant), backAt).toMillis());
            }
        } finally {
            loads.values().forEach(Load.Loop::close);
        }
        for (Variant variant : Variant.COMPARED) {
            assertNothingLeaks(variant, meters.get(variant), baselineThreads.get(variant));
        }
    }

    /** Runs the same load briefly so pools and thread pools are at their working size, then reads live threads. */
    private static int warmBaselineThreads(String url, Meters meters) {
        try (Load.Loop warm = Load.loop(url, WORKERS)) {
            await("warm-up").atMost(RECOVERY_BOUND).until(() -> warm.replies().size() >= STREAK);
        }
        return (int) meters.require("jvm.threads.live");
    }

    private static void awaitStreakOf200(Load.Loop load, long sinceNanos) {
        await("%d successes in a row".formatted(STREAK))
                .atMost(RECOVERY_BOUND)
                .until(() -> endsWithStreak(load.startedSince(sinceNanos)));
    }

    private static boolean endsWithStreak(List<Reply> replies) {
        List<Reply> byFinish = byFinish(replies);
        if (byFinish.size() < STREAK) {
            return false;
        }
        return byFinish.subList(byFinish.size() - STREAK, byFinish.size()).stream()
                .allMatch(r -> r.status() == 200);
    }

    /** From {@code sinceNanos} to the end of the first request of the final run of successes. */
    private static Duration timeToRecover(Load.Loop load, long sinceNanos) {
        List<Reply> byFinish = byFinish(load.startedSince(sinceNanos));
        int lastFailure = -1;
        for (int i = 0; i < byFinish.size(); i++) {
            if (byFinish.get(i).status() != 200) {
                lastFailure = i;
            }
        }
        return Duration.ofNanos(Math.max(0, byFinish.get(lastFailure + 1).finishedAtNanos() - sinceNanos));
    }

    private static List<Reply> byFinish(List<Reply> replies) {
        return replies.stream()
                .sorted(Comparator.comparingLong(Reply::finishedAtNanos))
                .toList();
    }

    private static void assertNothingLeaks(Variant variant, Meters meters, int baselineThreads) {
        for (ClientPool.Gauge gauge : ClientPool.busyGauges(variant)) {
            await("%s: %s back to 0".formatted(variant, gauge))
                    .atMost(RECOVERY_BOUND)
                    .until(() -> meters.require(gauge.name(), gauge.tags()) == 0);
        }
        await("%s: live threads back to the baseline %d (+%d)".formatted(variant, baselineThreads, THREAD_MARGIN))
                .atMost(RECOVERY_BOUND)
                .until(() -> meters.require("jvm.threads.live") <= baselineThreads + THREAD_MARGIN);
        assertThat(Client.get(Lab.app(variant).baseUrl() + "/actuator/health").status())
                .as("%s healthy", variant)
                .isEqualTo(200);
    }
}
