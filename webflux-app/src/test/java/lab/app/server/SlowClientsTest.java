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
 * Reactor Netty with the app's idle timeout and header deadline, both shortened to {@link #TIMEOUT}:
 * a connection that sends nothing, one that stops half-way through its head and one that trickles
 * its head are all closed, while a request that takes longer than both timeouts is answered.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.netty.idle-timeout=2s", "lab.netty.header-timeout=2s"})
class SlowClientsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Generous: the close comes at the timeout, this only bounds a failing run. */
    static final Duration BOUND = TIMEOUT.multipliedBy(10);
    /** Four bytes per timeout: a per-byte timeout would never close the trickler. */
    static final Duration TRICKLE_INTERVAL = TIMEOUT.dividedBy(4);

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        registry.add("lab.downstream.base-url", () -> DownstreamStub.shared().baseUrl());
    }

    @Test
    void slowClientsAreClosedAndARequestLongerThanTheTimeoutsIsAnswered() {
        CompletableFuture<Http.Response> longRequest = CompletableFuture.supplyAsync(
                () -> Http.get(url("/api/io?delayMs=" + TIMEOUT.multipliedBy(2).toMillis())));

        Map<Kind, Optional<Duration>> closed = SlowClients.closeTimes(port, TRICKLE_INTERVAL, BOUND);

        assertThat(closed)
                .allSatisfy((kind, after) -> assertThat(after)
                        .as("%s connection closed within %s", kind, BOUND)
                        .isPresent());
        assertThat(closed.get(Kind.TRICKLE).orElseThrow())
                .as("the trickler is closed by the deadline, not before")
                .isGreaterThanOrEqualTo(TIMEOUT.minusMillis(100));
        assertThat(longRequest.join().status())
                .as("a request being processed is not cut")
                .isEqualTo(200);
        assertThat(Http.get(url("/api/cpu?rounds=1")).status()).isEqualTo(200);
    }

    private String url(String target) {
        return "http://127.0.0.1:" + port + target;
    }
}
