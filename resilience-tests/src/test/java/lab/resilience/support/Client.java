package lab.resilience.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP/1.1 client for the tests that need timing and concurrency: every call reports what it got
 * (status, or the I/O failure) and how long it took, and never throws on a refused connection.
 */
public final class Client {

    /** Longer than any answer the tests provoke, so a missing answer shows up as a failure, not a hang. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final HttpClient SHARED = newHttpClient();

    private Client() {}

    /**
     * A fresh client, so a batch of concurrent requests opens its own connections. Its default
     * executor runs on platform threads: had it virtual threads, they would compete for the two
     * carrier threads with whatever else waits on virtual threads in the test JVM.
     */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    public static Reply get(String url) {
        return send(SHARED, request(url).GET().build());
    }

    public static Reply send(HttpRequest request) {
        return send(SHARED, request);
    }

    public static Reply get(HttpClient client, String url) {
        return send(client, request(url).GET().build());
    }

    public static Reply send(HttpClient client, HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After"),
                    response.body(),
                    null,
                    elapsed(start),
                    System.nanoTime());
        } catch (IOException e) {
            return new Reply(Reply.NO_ANSWER, "", Optional.empty(), "", e, elapsed(start), System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling " + request.uri(), e);
        }
    }

    public static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT);
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
