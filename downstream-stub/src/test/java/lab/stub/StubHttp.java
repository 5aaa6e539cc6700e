package lab.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A plain JDK client against the real server: sees resets and closes as the apps' clients do. */
final class StubHttp {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    private final String base;

    StubHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(request(pathAndQuery, "GET"), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> send(String pathAndQuery, String method) throws IOException, InterruptedException {
        return client.send(request(pathAndQuery, method), HttpResponse.BodyHandlers.ofByteArray());
    }

    CompletableFuture<HttpResponse<byte[]>> getAsync(String pathAndQuery) {
        return client.sendAsync(request(pathAndQuery, "GET"), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Milliseconds a successful GET took, from send to the last body byte. */
    long timedGet(String pathAndQuery) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new UncheckedIOException(new IOException("status " + response.statusCode()));
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private HttpRequest request(String pathAndQuery, String method) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
    }
}
