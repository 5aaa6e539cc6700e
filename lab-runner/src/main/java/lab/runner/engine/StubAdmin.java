package lab.runner.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The stub's runtime faults ({@code /admin/faults}, see docs/stub.md): how the lab slows the downstream mid-run. */
final class StubAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int NO_CONTENT_OR_OK_MAX = 299;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI faults;

    StubAdmin(String stubUrl) {
        this.faults = URI.create(stubUrl + "/admin/faults");
    }

    /** Every downstream call takes {@code extraLatencyMs} longer from now on. */
    void extraLatency(int extraLatencyMs) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(faults)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"extraLatencyMs\":" + extraLatencyMs + "}"))
                .build());
    }

    /** Back to normal. */
    void clear() throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(faults).timeout(TIMEOUT).DELETE().build());
    }

    private void send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() > NO_CONTENT_OR_OK_MAX) {
            throw new IOException("stub admin " + request.method() + " " + faults + " answered " + response.statusCode()
                    + ": " + response.body());
        }
    }
}
