package lab.resilience.support;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Concurrent requests from virtual threads: a burst released at once, or workers looping until stopped. */
public final class Load {

    /** Pause between one worker's requests, so a loop of instant failures does not eat the CPU the stub needs to restart. */
    private static final Duration THINK = Duration.ofMillis(20);

    private Load() {}

    /** {@code count} GETs of {@code url}, each on its own connection, released together; all replies. */
    public static List<Future<Reply>> burst(String url, int count) {
        HttpClient client = Client.newHttpClient();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replies.add(executor.submit(() -> {
                gate.await();
                return Client.get(client, url);
            }));
        }
        gate.countDown();
        executor.shutdown();
        return replies;
    }

    public static List<Reply> all(List<Future<Reply>> futures) {
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> future : futures) {
            try {
                replies.add(future.get(Client.REQUEST_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new AssertionError("a request got no reply at all", e);
            }
        }
        return replies;
    }

    /** Workers that GET {@code url} in a loop until {@link Loop#close()}; every reply is kept with its start time. */
    public static Loop loop(String url, int workers) {
        return new Loop(url, workers);
    }

    /** A running loop; replies in completion order. */
    public static final class Loop implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<Timed> replies = new ConcurrentLinkedQueue<>();
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

        private Loop(String url, int workers) {
            HttpClient client = Client.newHttpClient();
            for (int i = 0; i < workers; i++) {
                executor.submit(() -> {
                    while (running.get()) {
                        long startedAt = System.nanoTime();
                        replies.add(new Timed(startedAt, Client.get(client, url)));
                        Thread.sleep(THINK);
                    }
                    return null;
                });
            }
        }

        public List<Timed> replies() {
            return List.copyOf(replies);
        }

        /** Replies to requests started at or after {@code nanos}. */
        public List<Reply> startedSince(long nanos) {
            return replies.stream()
                    .filter(t -> t.startedAtNanos() >= nanos)
                    .map(Timed::reply)
                    .toList();
        }

        @Override
        public void close() {
            running.set(false);
            executor.shutdown();
            try {
                if (!executor.awaitTermination(Client.REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A reply and when its request started ({@link System#nanoTime()}). */
    public record Timed(long startedAtNanos, Reply reply) {}
}
