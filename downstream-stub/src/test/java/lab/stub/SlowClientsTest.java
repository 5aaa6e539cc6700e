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
 * The stub with its header deadline shortened to {@link #TIMEOUT} and its idle timeout to four times
 * that: a connection that sends nothing is closed by the idle timeout, one that stops half-way through
 * its head and one that trickles its head by the deadline, while a {@code /delay} as long as the idle
 * timeout is answered.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "server.netty.idle-timeout=4s", "stub.server.header-timeout=1s"})
class SlowClientsTest {

    /** The header deadline; the idle timeout is four times as long, so each shows on its own. */
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    static final Duration IDLE_TIMEOUT = TIMEOUT.multipliedBy(4);
    /** Generous: the closes come at the timeouts, this only bounds a failing run. */
    static final Duration BOUND = IDLE_TIMEOUT.multipliedBy(3);
    /** Four bytes per deadline: a per-byte timeout would never close the trickler. */
    static final Duration TRICKLE_INTERVAL = TIMEOUT.dividedBy(4);

    @LocalServerPort
    int port;

    @Test
    void slowClientsAreClosedAndADelayLongerThanTheTimeoutsIsAnswered() throws Exception {
        StubHttp http = new StubHttp(port);
        CompletableFuture<HttpResponse<byte[]>> longDelay = http.getAsync("/delay?ms=" + IDLE_TIMEOUT.toMillis());

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
        assertThat(longDelay.join().statusCode())
                .as("a request being processed is not cut")
                .isEqualTo(200);
        assertThat(http.get("/delay?ms=0").statusCode()).isEqualTo(200);
    }
}
