package lab.contract.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny HTTP/1.1 client for tests over {@link java.net.http.HttpClient}. Requests the JDK refuses
 * to send (malformed lines, bad escapes, huge headers) go through {@link RawHttp}.
 */
public final class Http {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One client for every call: connections are kept alive and reused, as real clients do. */
    private static final HttpClient CLIENT = newClient();

    private Http() {}

    /** A fresh HTTP/1.1 client, e.g. for a concurrency test that needs its own connections. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static Response get(String url) {
        return send("GET", url, Map.of());
    }

    public static Response get(String url, Map<String, String> headers) {
        return send("GET", url, headers);
    }

    /**
     * Any method, no body; headers in the given order. On the shared client's kept-alive
     * connections, so every test also checks that the servers answer requests on reused connections
     * (Reactor Netty before 1.3.8 did not always: docs/failure-modes.md).
     */
    public static Response send(String method, String url, Map<String, String> headers) {
        return send(CLIENT, method, url, headers);
    }

    public static Response send(HttpClient client, String method, String url, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + url, e);
        }
    }

    /** Status, headers (names lower-case) and body as text. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        /** First value of a header, case-insensitive. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        /** The media type without parameters ({@code application/json;charset=UTF-8} → {@code application/json}). */
        public Optional<String> mediaType() {
            return header("Content-Type").map(v -> v.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
