package lab.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Delayed answers are due on the timer grid ({@code stub.server.timer-tick}), here a coarse one so
 * that the grid shows: a 1 ms delay asked right after a grid point waits for the next one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "stub.server.timer-tick=" + TimerTickServerTest.TICK_MS + "ms"})
class TimerTickServerTest {

    static final long TICK_MS = 500;
    private static final int ROUNDS = 3;

    @LocalServerPort
    int port;

    @Test
    void delayedAnswersWaitForTheNextGridPoint() throws Exception {
        try (RawHttp connection = new RawHttp(port)) {
            // Answered on a grid point; each next request then starts just after one.
            connection.get("/delay?ms=1");
            connection.read();
            for (int i = 0; i < ROUNDS; i++) {
                long start = System.nanoTime();
                connection.get("/delay?ms=1");
                assertThat(connection.read().status()).isEqualTo(200);

                assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis())
                        .isGreaterThanOrEqualTo(TICK_MS / 2);
            }
        }
    }

    @Test
    void anUndelayedAnswerDoesNotWaitForTheGrid() throws Exception {
        try (RawHttp connection = new RawHttp(port)) {
            long undelayedMs = Long.MAX_VALUE;
            long delayedMs = Long.MAX_VALUE;
            // The fastest of a few rounds: the first requests of a fresh JVM are slow for other reasons.
            for (int i = 0; i < ROUNDS; i++) {
                connection.get("/delay?ms=1");
                connection.read();
                undelayedMs = Math.min(undelayedMs, timed(connection, "/delay?ms=0"));
                delayedMs = Math.min(delayedMs, timed(connection, "/delay?ms=1"));
            }

            assertThat(undelayedMs).isLessThan(delayedMs / 2);
        }
    }

    private static long timed(RawHttp connection, String target) throws Exception {
        long start = System.nanoTime();
        connection.get(target);
        assertThat(connection.read().status()).isEqualTo(200);
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
