package lab.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import lab.contract.kit.DownstreamStub;
import lab.contract.kit.Http;
import lab.netty.deadlines.SlowClients;
import lab.netty.deadlines.SlowClients.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reactor Netty with the app's header deadline shortened to {@link #TIMEOUT} and its idle timeout to
 * four times that: a connection that sends nothing is closed by the idle timeout, one that stops
 * half-way through its head and one that trickles its head by the deadline (well before the idle
 * timeout, which would otherwise close them too), while a request as long as the idle timeout is
 * answered.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.netty.idle-timeout=4s", "lab.netty.header-timeout=1s"})
class SlowClientsTest {

    /** The header deadline; the idle timeout is four times as long, so each shows on its own. */
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    static final Duration IDLE_TIMEOUT = TIMEOUT.multipliedBy(4);
    /** Generous: the closes come at the timeouts, this only bounds a failing run. */
    static final Duration BOUND = IDLE_TIMEOUT.multipliedBy(3);
    /** Four bytes per deadline: a per-byte timeout would never close the trickler. */
    static final Duration TRICKLE_INTERVAL = TIMEOUT.dividedBy(4);

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        registry.add("lab.downstream.base-url", () -> DownstreamStub.shared().baseUrl());
    }

    @Test
    void slowClientsAreClosedAndARequestLongerThanTheTimeoutsIsAnswered() {
        CompletableFuture<Http.Response> longRequest =
                CompletableFuture.supplyAsync(() -> Http.get(url("/api/io?delayMs=" + IDLE_TIMEOUT.toMillis())));

        Map<Kind, Optional<Duration>> closed = SlowClients.closeTimes(port, TRICKLE_INTERVAL, BOUND);

        assertThat(closed)
                .allSatisfy((kind, after) -> assertThat(after)
                        .as("%s connection closed within %s", kind, BOUND)
                        .isPresent());
        Duration idle = closed.get(Kind.IDLE).orElseThrow();
        for (Kind head : new Kind[] {Kind.HALF_SENT, Kind.TRICKLE}) {
            assertThat(closed.get(head).orElseThrow())
                    .as(
                            "%s closed by the header deadline, no earlier and well before the idle timeout (%s)",
                            head, idle)
                    .isGreaterThanOrEqualTo(TIMEOUT.minusMillis(100))
                    .isLessThan(idle.dividedBy(2));
        }
        assertThat(longRequest.join().status())
                .as("a request being processed is not cut")
                .isEqualTo(200);
        assertThat(Http.get(url("/api/cpu?rounds=1")).status()).isEqualTo(200);
    }

    private String url(String target) {
        return "http://127.0.0.1:" + port + target;
    }
}
