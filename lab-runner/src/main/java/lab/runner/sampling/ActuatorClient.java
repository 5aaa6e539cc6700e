package lab.runner.sampling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads an app's Actuator: the {@code lab} section of {@code /actuator/info} and the Prometheus scrape. */
public final class ActuatorClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

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

    /** Meter sums by Prometheus name; empty when the scrape fails (e.g. the app is overwhelmed). */
    public Map<String, Double> meters() {
        return get("/prometheus").map(PrometheusText::parse).orElseGet(Map::of);
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
