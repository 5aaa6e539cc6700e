package lab.runner.sampling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads an app's Actuator: the {@code lab} section of {@code /actuator/info} and the Prometheus scrape. */
public final class ActuatorClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final double NANOS_PER_MS = 1e6;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;

    public ActuatorClient(int port) {
        this.base = "http://127.0.0.1:" + port + "/actuator";
    }

    /** The whole {@code /actuator/info} document (empty object when unavailable). */
    public JsonNode info() {
        return get("/info").map(json::readTree).orElseGet(json::createObjectNode);
    }

    /** The Prometheus scrape with its labels; empty when it fails (e.g. the app is overwhelmed). */
    public Optional<Scrape> scrape() {
        return get("/prometheus").map(Scrape::parse);
    }

    /** How long {@code /actuator/health} takes to answer 200, in ms; empty when it does not. */
    public Optional<Double> healthLatencyMs() {
        long start = System.nanoTime();
        return get("/health").map(body -> (System.nanoTime() - start) / NANOS_PER_MS);
    }

    private Optional<String> get(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(TIMEOUT)
                    .GET()
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
