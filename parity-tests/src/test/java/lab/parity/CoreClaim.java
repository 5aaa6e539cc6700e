package lab.parity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import lab.contract.kit.Http;

/**
 * One batch of the core claim: {@link #CONCURRENCY} requests of {@link #DELAY_MS} sent at once
 * from a fresh client (one connection each), timed from the first send to the last answer.
 */
final class CoreClaim {

    /** Tomcat threads of the thread-per-request variant under test. */
    static final int MVC_THREADS = 4;

    static final int CONCURRENCY = 16;
    static final int DELAY_MS = 300;
    static final int WARM_UP_DELAY_MS = 10;
    static final int WARM_UP_BATCHES = 3;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private CoreClaim() {}

    record Batch(Duration wallTime, List<HttpResponse<String>> responses) {}

    /** A few untimed batches so class loading, JIT and thread/connection pools are not measured. */
    static void warmUp(String baseUrl) {
        for (int i = 0; i < WARM_UP_BATCHES; i++) {
            run(baseUrl, WARM_UP_DELAY_MS);
        }
    }

    static Batch run(String baseUrl, int delayMs) {
        HttpClient client = Http.newClient();
        try (client) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/io?delayMs=" + delayMs))
                    .header("Accept", "application/json")
                    .timeout(REQUEST_TIMEOUT)
                    .GET()
                    .build();
            long started = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> inFlight = IntStream.range(0, CONCURRENCY)
                    .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                    .toList();
            List<HttpResponse<String>> responses =
                    inFlight.stream().map(CompletableFuture::join).toList();
            return new Batch(Duration.ofNanos(System.nanoTime() - started), responses);
        }
    }
}
