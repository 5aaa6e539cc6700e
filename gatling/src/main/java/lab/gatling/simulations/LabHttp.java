package lab.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.List;

/** The HTTP side every simulation shares: one protocol, one way to build a request, one assertion. */
final class LabHttp {

    private static final int HTTP_OK = 200;

    private LabHttp() {}

    /**
     * One connection pool for all virtual users: server-to-server traffic, not browsers. Each user
     * having its own pool would open and close a socket per request and run out of ephemeral ports
     * in TIME_WAIT at a few thousand requests per second. Gatling's shared pool has no upper bound:
     * it holds about as many connections as there are concurrent requests (3,200 closed-model users
     * means about 3,200 sockets, kept alive and reused; a few more, as each Gatling event loop keeps
     * its own pool), which is the point of a concurrency test.
     */
    static HttpProtocolBuilder protocol(LoadSettings settings) {
        return http.baseUrl(settings.target().toString())
                .shareConnections()
                // the default warm-up calls https://gatling.io; the lab warms the app up itself
                .disableWarmUp()
                .disableCaching()
                .acceptHeader("application/json")
                .userAgentHeader("blocking-reactive-lab-gatling");
    }

    /** A GET whose only success is 200: 502, 503 and 504 from the apps count as failures. */
    static HttpRequestActionBuilder get(String name, String path, LoadSettings settings, Object... query) {
        HttpRequestActionBuilder request = http(name).get(path);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i].toString(), query[i + 1]);
        }
        return request.requestTimeout(Duration.ofMillis(settings.requestTimeoutMs()))
                .check(status().is(HTTP_OK));
    }

    /**
     * The KO ceiling for standalone runs. The lab sets {@code assertions=false}: it records
     * failures as data rather than failing the step.
     */
    static List<Assertion> assertions(LoadSettings settings) {
        if (!settings.assertions()) {
            return List.of();
        }
        return List.of(global().failedRequests().percent().lte(settings.maxKoPercent()));
    }
}
