package lab.resilience.overload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.contract.kit.JarProcess;
import lab.contract.kit.RawHttp;
import lab.resilience.support.Figures;
import lab.resilience.support.Lab;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What Tomcat's {@code max-connections} and {@code accept-count} do at the socket level: with few
 * threads and connections allowed, extra connections wait in the kernel's accept queue (or in SYN
 * retries) instead of reaching the app; nothing is lost and nothing is answered 5xx, they are only
 * late. This queue is invisible to the app's own meters (the requests are not "in progress" yet).
 */
@Order(8)
class TomcatConnectionLimitsTest {

    private static final int THREADS = Lab.SMALL_TOMCAT_THREADS;
    private static final int MAX_CONNECTIONS = Lab.SMALL_TOMCAT_MAX_CONNECTIONS;
    private static final int ACCEPT_COUNT = Lab.SMALL_TOMCAT_ACCEPT_COUNT;
    /** Three times what Tomcat holds at once (connections + accept queue). */
    private static final int SENT = (MAX_CONNECTIONS + ACCEPT_COUNT) * 3;

    private static final Duration DELAY = Duration.ofMillis(400);
    private static final Pattern THREAD = Pattern.compile("\"thread\":\"([^\"]+)\"");

    @Test
    void connectionsBeyondMaxConnectionsWaitForASlotAndAreServedLaterWithoutErrors() throws Exception {
        try (JarProcess app = Lab.smallTomcat().join()) {

            List<Outcome> outcomes = sendAtOnce(app.port());

            long answered = outcomes.stream().filter(o -> o.status() > 0).count();
            long refused = outcomes.stream()
                    .filter(o -> o.failure() instanceof ConnectException)
                    .count();
            long timedOut = outcomes.stream()
                    .filter(o -> o.failure() instanceof SocketTimeoutException)
                    .count();
            assertThat(answered + refused + timedOut)
                    .as("every connection is answered, refused or timed out: %s", outcomes)
                    .isEqualTo(SENT);
            assertThat(outcomes).as("no 5xx from the app").noneMatch(o -> o.status() >= 500);
            List<Long> servedMillis = outcomes.stream()
                    .filter(o -> o.status() == 200)
                    .map(Outcome::millis)
                    .sorted()
                    .toList();
            assertThat(servedMillis).as("some are served").isNotEmpty();
            assertThat(servedMillis.getLast())
                    .as("the last served waited for earlier ones: queued, not run in parallel")
                    .isGreaterThanOrEqualTo(DELAY.toMillis() * 2);
            long distinctThreads = outcomes.stream()
                    .map(Outcome::thread)
                    .filter(t -> !t.isEmpty())
                    .distinct()
                    .count();
            assertThat(distinctThreads)
                    .as("served by at most %d Tomcat threads", THREADS)
                    .isLessThanOrEqualTo(THREADS);

            Figures.record(
                    "tomcat limits",
                    "mvc threads.max=%d max-connections=%d accept-count=%d, %d connections x %d ms at once "
                            + "-> %d answered (fastest %d ms, slowest %d ms), %d refused, %d timed out, 0 x 5xx, %d threads",
                    THREADS,
                    MAX_CONNECTIONS,
                    ACCEPT_COUNT,
                    SENT,
                    DELAY.toMillis(),
                    answered,
                    servedMillis.getFirst(),
                    servedMillis.getLast(),
                    refused,
                    timedOut,
                    distinctThreads);
        }
    }

    private static List<Outcome> sendAtOnce(int port) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < SENT; i++) {
                futures.add(executor.submit(() -> {
                    gate.await();
                    long start = System.nanoTime();
                    try {
                        RawHttp.Response response = RawHttp.get(port, "/api/io?delayMs=" + DELAY.toMillis());
                        Matcher thread = THREAD.matcher(response.body());
                        return new Outcome(
                                response.status(), thread.find() ? thread.group(1) : "", null, millisSince(start));
                    } catch (UncheckedIOException e) {
                        return new Outcome(-1, "", e.getCause(), millisSince(start));
                    }
                }));
            }
            gate.countDown();
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get());
        }
        return outcomes;
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    private record Outcome(int status, String thread, Throwable failure, long millis) {}
}
