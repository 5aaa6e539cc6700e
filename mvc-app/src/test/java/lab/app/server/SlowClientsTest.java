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
 * Tomcat with its connection and keep-alive timeouts shortened to {@link #TIMEOUT}: a connection
 * that sends nothing and one that stops half-way through its head are closed; one that trickles its
 * head a byte at a time is not, because Tomcat's timeout bounds the wait between two bytes, not the
 * whole head (docs/failure-modes.md). The last assertion pins that documented gap: should Tomcat
 * ever close the trickler, the docs must change.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.tomcat.connection-timeout=1s", "server.tomcat.keep-alive-timeout=1s"})
class SlowClientsTest {

    /** Shorter than the Reactor Netty tests' 2 s: the trickler is watched for the whole bound. */
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Generous: the close comes at the timeout (Tomcat checks timeouts about once a second). */
    static final Duration BOUND = TIMEOUT.multipliedBy(10);
    /** Four bytes per timeout. */
    static final Duration TRICKLE_INTERVAL = TIMEOUT.dividedBy(4);

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        registry.add("lab.downstream.base-url", () -> DownstreamStub.shared().baseUrl());
    }

    @Test
    void idleAndHalfSentConnectionsAreClosedATrickleIsNotAndALongRequestIsAnswered() {
        CompletableFuture<Http.Response> longRequest = CompletableFuture.supplyAsync(
                () -> Http.get(url("/api/io?delayMs=" + TIMEOUT.multipliedBy(2).toMillis())));

        Map<Kind, Optional<Duration>> closed = SlowClients.closeTimes(port, TRICKLE_INTERVAL, BOUND);

        assertThat(closed.get(Kind.IDLE))
                .as("idle connection closed within %s", BOUND)
                .isPresent();
        assertThat(closed.get(Kind.HALF_SENT))
                .as("half-sent head closed within %s", BOUND)
                .isPresent();
        assertThat(closed.get(Kind.TRICKLE))
                .as("Tomcat has no total deadline for a head: the trickler is still open after %s", BOUND)
                .isEmpty();
        assertThat(longRequest.join().status())
                .as("a request being processed is not cut")
                .isEqualTo(200);
        assertThat(Http.get(url("/api/cpu?rounds=1")).status()).isEqualTo(200);
    }

    private String url(String target) {
        return "http://127.0.0.1:" + port + target;
    }
}
