package lab.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;

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
     *
     * <p>Lean: everything Gatling does by default for browser-like users and a load generator of
     * one-request users does not need is off, so that the load side costs as little CPU per request
     * as it can (measured in docs/gatling.md, "What Gatling costs").
     */
    static HttpProtocolBuilder protocol(LoadSettings settings) {
        return http.baseUrl(settings.target().toString())
                .shareConnections()
                // the default warm-up calls https://gatling.io; the lab warms the app up itself
                .disableWarmUp()
                // no per-user HTTP cache: every request must reach the app
                .disableCaching()
                // a 3xx is an answer to count (as a KO), not a page to fetch
                .disableFollowRedirect()
                // no Referer or Origin bookkeeping: users make one request each, and no browser is emulated
                .disableAutoReferer()
                .disableAutoOrigin()
                // the URLs are built below from numbers: nothing to re-encode per request
                .disableUrlEncoding()
                .acceptHeader("application/json")
                .userAgentHeader("blocking-reactive-lab-gatling");
    }

    /**
     * A GET whose only success is 200: 502, 503 and 504 from the apps count as failures. The query
     * is part of one constant URL, so that Gatling parses it into a URI once per run instead of
     * resolving, joining and encoding query parameters for every request.
     */
    static HttpRequestActionBuilder get(String name, String path, LoadSettings settings, Object... query) {
        return http(name)
                .get(url(path, query))
                .requestTimeout(Duration.ofMillis(settings.requestTimeoutMs()))
                .check(status().is(HTTP_OK));
    }

    /** {@code path?name=value&...}, encoded once. */
    static String url(String path, Object... query) {
        StringJoiner parameters = new StringJoiner("&", path + "?", "").setEmptyValue(path);
        for (int i = 0; i < query.length; i += 2) {
            parameters.add(encode(query[i]) + "=" + encode(query[i + 1]));
        }
        return parameters.toString();
    }

    private static String encode(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
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
