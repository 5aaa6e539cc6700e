package lab.runner.sampling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an app's Actuator: the {@code lab} section of {@code /actuator/info} and the Prometheus
 * scrape, on one kept-alive HTTP/1.1 connection as Prometheus itself would. A scrape that fails
 * (no answer in time, an error status, a refused connection) is counted, not silently dropped:
 * {@link #failedScrapes()} belongs next to the figures the scrapes produced.
 */
public final class ActuatorClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final double NANOS_PER_MS = 1e6;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final AtomicInteger scrapes = new AtomicInteger();
    private final AtomicInteger failedScrapes = new AtomicInteger();
    private final AtomicReference<String> lastScrapeFailure = new AtomicReference<>();

    public ActuatorClient(int port) {
        this.base = "http://127.0.0.1:" + port + "/actuator";
    }

    /** The whole {@code /actuator/info} document (empty object when unavailable). */
    public JsonNode info() {
        return get("/info").result().map(json::readTree).orElseGet(json::createObjectNode);
    }

    /** The Prometheus scrape with its labels; empty when it fails (e.g. the app is overwhelmed), and counted. */
    public Optional<Scrape> scrape() {
        scrapes.incrementAndGet();
        Fetch fetch = get("/prometheus");
        if (fetch.result().isEmpty()) {
            failedScrapes.incrementAndGet();
            lastScrapeFailure.set(fetch.failure());
        }
        return fetch.result().map(Scrape::parse);
    }

    /** How long {@code /actuator/health} takes to answer 200, in ms; empty when it does not. */
    public Optional<Double> healthLatencyMs() {
        long start = System.nanoTime();
        return get("/health").result().map(body -> (System.nanoTime() - start) / NANOS_PER_MS);
    }

    /** Prometheus scrapes asked for so far. */
    public int scrapes() {
        return scrapes.get();
    }

    /** Prometheus scrapes that got no usable answer so far: samples missing from the figures. */
    public int failedScrapes() {
        return failedScrapes.get();
    }

    /** Why the last failed scrape failed, if one did. */
    public Optional<String> lastScrapeFailure() {
        return Optional.ofNullable(lastScrapeFailure.get());
    }

    private Fetch get(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(TIMEOUT)
                    .GET()
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    ? new Fetch(Optional.of(response.body()), null)
                    : new Fetch(Optional.empty(), "GET " + path + " answered " + response.statusCode());
        } catch (IOException e) {
            return new Fetch(Optional.empty(), "GET " + path + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetch(Optional.empty(), "GET " + path + ": interrupted");
        }
    }

    /** A body, or why there is none. */
    private record Fetch(Optional<String> result, String failure) {}
}
