package lab.resilience.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads one meter from a running app's {@code /actuator/metrics/{name}?tag=k:v}, summed over other tags. */
public final class Meters {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int NOT_FOUND = 404;

    private final String baseUrl;

    public Meters(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The meter's first measurement (COUNT of a counter, VALUE of a gauge); empty if not registered (yet). */
    public OptionalDouble value(String name, String... tags) {
        String query = Arrays.stream(tags)
                .map(tag -> "tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String url = baseUrl + "/actuator/metrics/" + name + (query.isEmpty() ? "" : "?" + query);
        Reply reply = Client.get(url);
        if (reply.status() == NOT_FOUND) {
            return OptionalDouble.empty();
        }
        if (reply.status() != 200) {
            throw new IllegalStateException("GET " + url + " -> " + reply);
        }
        JsonNode measurements = JSON.readTree(reply.body()).path("measurements");
        return measurements.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(measurements.get(0).path("value").asDouble());
    }

    /** A counter that may not be registered until its first increment: absent counts as 0. */
    public double count(String name, String... tags) {
        return value(name, tags).orElse(0);
    }

    /** A meter that must exist. */
    public double require(String name, String... tags) {
        return value(name, tags)
                .orElseThrow(() -> new AssertionError(
                        "meter " + name + " " + Arrays.toString(tags) + " is not published by " + baseUrl));
    }

    public double downstreamCalls(String outcome) {
        return count("lab.downstream.calls", "outcome:" + outcome);
    }
}
