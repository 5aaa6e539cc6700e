package lab.dashboard.scrape;

import tools.jackson.databind.JsonNode;

/**
 * What an app says about itself in {@code /actuator/info} ({@code lab.*}); null members for an
 * app that does not say.
 *
 * @param app {@code mvc} or {@code webflux}
 * @param model {@code thread-per-request}, {@code virtual-threads} or {@code event-loop}
 * @param engine {@code tomcat} or {@code reactor-netty}
 * @param maxThreads Tomcat's thread limit, or the event-loop threads
 */
public record AppInfo(String app, String model, String engine, Integer maxThreads) {

    static AppInfo from(JsonNode info) {
        JsonNode lab = info.path("lab");
        JsonNode server = lab.path("server");
        return new AppInfo(
                text(lab.path("app")),
                text(lab.path("model")),
                text(server.path("engine")),
                server.path("maxThreads").isIntegralNumber()
                        ? server.path("maxThreads").asInt()
                        : null);
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }
}
