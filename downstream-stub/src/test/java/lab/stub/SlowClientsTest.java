package lab.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import lab.netty.deadlines.SlowClients;
import lab.netty.deadlines.SlowClients.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The stub with its idle timeout and header deadline shortened to {@link #TIMEOUT}: a connection that
 * sends nothing, one that stops half-way through its head and one that trickles its head are all
 * closed, while a {@code /delay} longer than both timeouts is answered.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "server.netty.idle-timeout=2s", "stub.server.header-timeout=2s"})
class SlowClientsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Generous: the close comes at the timeout, this only bounds a failing run. */
    static final Duration BOUND = TIMEOUT.multipliedBy(10);
    /** Four bytes per timeout: a per-byte timeout would never close the trickler. */
    static final Duration TRICKLE_INTERVAL = TIMEOUT.dividedBy(4);

    @LocalServerPort
    int port;

    @Test
    void slowClientsAreClosedAndADelayLongerThanTheTimeoutsIsAnswered() throws Exception {
        StubHttp http = new StubHttp(port);
        CompletableFuture<HttpResponse<byte[]>> longDelay =
                http.getAsync("/delay?ms=" + TIMEOUT.multipliedBy(2).toMillis());

        Map<Kind, Optional<Duration>> closed = SlowClients.closeTimes(port, TRICKLE_INTERVAL, BOUND);

        assertThat(closed)
                .allSatisfy((kind, after) -> assertThat(after)
                        .as("%s connection closed within %s", kind, BOUND)
                        .isPresent());
        assertThat(closed.get(Kind.TRICKLE).orElseThrow())
                .as("the trickler is closed by the deadline, not before")
                .isGreaterThanOrEqualTo(TIMEOUT.minusMillis(100));
        assertThat(longDelay.join().statusCode())
                .as("a request being processed is not cut")
                .isEqualTo(200);
        assertThat(http.get("/delay?ms=0").statusCode()).isEqualTo(200);
    }
}
