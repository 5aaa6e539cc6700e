package lab.resilience.shutdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import lab.contract.kit.JarProcess;
import lab.contract.kit.Jars;
import lab.contract.kit.RawHttp;
import lab.resilience.support.ComparedVariants;
import lab.resilience.support.Figures;
import lab.resilience.support.Lab;
import lab.resilience.support.Load;
import lab.resilience.support.Meters;
import lab.resilience.support.Reply;
import lab.variants.Variant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * SIGTERM while requests are in flight: every in-flight request still completes with 200, new
 * connections are refused (or answered 503) while the app drains, and the JVM exits within the
 * shutdown timeout with 143 (128 + SIGTERM: the JVM's status after running its shutdown hooks on a
 * signal; Spring Boot does not change it).
 */
@Order(9)
class GracefulShutdownTest {

    private static final int IN_FLIGHT = 50;
    /** Long enough to send SIGTERM while all of them are in flight, on a busy machine. */
    private static final Duration DELAY = Duration.ofMillis(3000);
    /** JVM and context teardown on top of the drain (the context has more than one phase). */
    private static final Duration TEARDOWN = Duration.ofSeconds(5);

    private static final int EXIT_ON_SIGTERM = 128 + 15;
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(20);

    private static final Map<Variant, CompletableFuture<JarProcess>> APPS = new EnumMap<>(Variant.class);

    /** Each test takes (and ends) its own app, with the settings it ships with. */
    @BeforeAll
    static void startApps() {
        for (Variant variant : Variant.COMPARED) {
            APPS.put(variant, Lab.freshApp(variant));
        }
    }

    @AfterAll
    static void stopLeftovers() {
        APPS.values()
                .forEach(f ->
                        f.thenAccept(JarProcess::close).exceptionally(e -> null).join());
    }

    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void sigtermDrainsEveryInFlightRequestRefusesNewOnesAndExits143(Variant variant) {
        JarProcess app = APPS.get(variant).join();
        // the bound the drain must respect: the app's own spring.lifecycle.timeout-per-shutdown-phase
        Duration shutdownPhaseTimeout = ShippedShutdownTimeout.of(Jars.of(variant.app()));
        Meters meters = new Meters(app.baseUrl());
        // the same burst without delay first, so the server's threads and the client path exist before timing anything
        Load.all(Load.burst(app.baseUrl() + "/api/io?delayMs=0", IN_FLIGHT));
        List<Future<Reply>> inFlight = Load.burst(app.baseUrl() + "/api/io?delayMs=" + DELAY.toMillis(), IN_FLIGHT);
        await("all " + IN_FLIGHT + " requests in progress")
                .atMost(DELAY.dividedBy(2))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> meters.require("lab.requests.in.progress") >= IN_FLIGHT);

        long sigtermAt = System.nanoTime();
        app.sigterm();
        List<Probe> probes = probeUntilTurnedAway(app.port(), shutdownPhaseTimeout);
        List<Reply> replies = Load.all(inFlight);
        int exitCode = app.awaitExit(shutdownPhaseTimeout.plus(TEARDOWN));
        Duration toExit = Duration.ofNanos(System.nanoTime() - sigtermAt);

        assertThat(replies)
                .as("every in-flight request completes with 200 (lost = 0)")
                .hasSize(IN_FLIGHT)
                .allMatch(r -> r.status() == 200, "200");
        Probe turnedAway = probes.getLast();
        assertThat(turnedAway.turnedAway())
                .as("a new connection after SIGTERM is refused, answered 503 or closed unanswered: %s", probes)
                .isTrue();
        long firstInFlightDone =
                replies.stream().mapToLong(Reply::finishedAtNanos).min().orElseThrow();
        assertThat(turnedAway.atNanos())
                .as("turned away while in-flight requests were still draining")
                .isLessThan(firstInFlightDone);
        assertThat(probes)
                .as("new requests during shutdown: 200 (before the drain began) or turned away")
                .allMatch(p -> p.status() == 200 || p.turnedAway(), "200 or turned away");
        assertThat(exitCode).as("exit code after SIGTERM").isEqualTo(EXIT_ON_SIGTERM);

        Figures.record(
                "graceful shutdown",
                "%s: %d in flight x %d ms at SIGTERM -> %d x 200, lost 0; new connection %s %d ms after SIGTERM "
                        + "(%d probes served before); exit %d after %d ms (shutdown phase timeout %d s)",
                variant.id(),
                IN_FLIGHT,
                DELAY.toMillis(),
                replies.size(),
                turnedAway.describe(),
                Duration.ofNanos(turnedAway.atNanos() - sigtermAt).toMillis(),
                probes.size() - 1,
                exitCode,
                toExit.toMillis(),
                shutdownPhaseTimeout.toSeconds());
    }

    /** New connections, one after another, until one is refused or shed. */
    private static List<Probe> probeUntilTurnedAway(int port, Duration atMost) {
        List<Probe> probes = new ArrayList<>();
        await("a new connection turned away after SIGTERM")
                .atMost(atMost)
                .pollDelay(Duration.ZERO)
                .pollInterval(PROBE_INTERVAL)
                .until(() -> {
                    Probe probe = probe(port);
                    probes.add(probe);
                    return probe.status() != 200;
                });
        return probes;
    }

    private static Probe probe(int port) {
        try {
            return new Probe(RawHttp.get(port, "/api/io?delayMs=0").status(), false, System.nanoTime());
        } catch (UncheckedIOException e) {
            return new Probe(-1, e.getCause() instanceof ConnectException, System.nanoTime());
        }
    }

    /** One new connection after SIGTERM: its status, or -1 when it got no answer (refused, or closed unanswered). */
    private record Probe(int status, boolean refused, long atNanos) {

        /**
         * Refused, shed, or closed without an answer. The last one is Tomcat's: a connection that
         * reached the kernel's accept queue in the moment between SIGTERM and the listening socket
         * closing is closed unprocessed, which a client sees like a refusal (nothing was done).
         */
        boolean turnedAway() {
            return status == -1 || status == 503;
        }

        String describe() {
            return refused ? "refused" : status == -1 ? "closed unanswered" : "answered " + status;
        }
    }
}
