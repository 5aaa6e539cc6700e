package lab.contract.kit;

import lab.contract.Golden;
import tools.jackson.databind.JsonNode;

/**
 * One meter from a running app's {@code /actuator/metrics/{name}}, parsed: a test asserts the
 * meter exists (a 404 is a failure, not an empty body that happens to pass) and what it measured.
 */
public final class ActuatorMeters {

    private ActuatorMeters() {}

    /**
     * The meter {@code name} at {@code baseUrl}, narrowed by {@code tags} ({@code "outcome:success"});
     * fails unless the app has it.
     */
    public static Meter get(String baseUrl, String name, String... tags) {
        StringBuilder url =
                new StringBuilder(baseUrl).append("/actuator/metrics/").append(name);
        for (int i = 0; i < tags.length; i++) {
            url.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
        }
        Http.Response response = Http.get(url.toString());
        if (response.status() != 200) {
            throw new AssertionError("meter " + name + " " + String.join(",", tags) + ": GET " + url + " answered "
                    + response.status() + " " + response.body());
        }
        return new Meter(Golden.parse(response.body()));
    }

    /** A meter as Actuator describes it: name, measurements by statistic, available tags. */
    public record Meter(JsonNode json) {

        public String name() {
            return json.path("name").asString();
        }

        /** The measurement of {@code statistic} ({@code VALUE}, {@code COUNT}, {@code TOTAL_TIME} ...); fails if absent. */
        public double measurement(String statistic) {
            for (JsonNode measurement : json.path("measurements")) {
                if (statistic.equals(measurement.path("statistic").asString())) {
                    return measurement.path("value").asDouble();
                }
            }
            throw new AssertionError("meter " + name() + " has no " + statistic + " measurement: " + json);
        }

        /** The values a tag takes on this meter, e.g. every {@code area} of {@code jvm.memory.used}. */
        public java.util.List<String> tagValues(String tag) {
            for (JsonNode available : json.path("availableTags")) {
                if (tag.equals(available.path("tag").asString())) {
                    java.util.List<String> values = new java.util.ArrayList<>();
                    for (JsonNode value : available.path("values")) {
                        values.add(value.asString());
                    }
                    return values;
                }
            }
            return java.util.List.of();
        }
    }
}
