package lab.dashboard.scrape;

import io.netty.channel.ChannelOption;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code /actuator/prometheus} and {@code /actuator/info}. A fresh connection per scrape
 * (one a second per app costs nothing): on a kept-alive connection WebFlux leaves about 1 in
 * 1,000 Actuator requests unanswered (docs/failure-modes.md, "Known problems").
 */
final class ScrapeClient {

    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final double MS_PER_S = 1_000.0;

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    ScrapeClient(JsonMapper json, Duration timeout) {
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newConnection()
                .keepAlive(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .responseTimeout(timeout);
    }

    Mono<Scrape> prometheus(String base) {
        return http.headers(h -> h.set("Accept", PrometheusProtobuf.MEDIA_TYPE))
                .get()
                .uri(base + "/actuator/prometheus")
                .responseSingle((response, body) -> {
                    int status = response.status().code();
                    if (status != 200) {
                        return Mono.error(new ScrapeFailed("/actuator/prometheus answered " + status));
                    }
                    return body.asByteArray().defaultIfEmpty(new byte[0]);
                })
                .map(bytes -> PrometheusProtobuf.parse(bytes, System.nanoTime()))
                .timeout(timeout);
    }

    Mono<JsonNode> info(String base) {
        return http.get()
                .uri(base + "/actuator/info")
                .responseSingle((response, body) -> response.status().code() == 200
                        ? body.asString()
                        : Mono.error(new ScrapeFailed(
                                "/actuator/info answered " + response.status().code())))
                .map(json::readTree)
                .timeout(timeout);
    }

    /** A short reason for the page ("connection refused", "no answer within 10 s"). */
    String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof ScrapeFailed)) {
            if (t instanceof ConnectException || t instanceof TimeoutException) {
                break;
            }
            t = t.getCause();
        }
        return switch (t) {
            case ScrapeFailed f -> f.getMessage();
            case TimeoutException x -> "no answer within " + timeout.toMillis() / MS_PER_S + " s";
            case ConnectException c -> "cannot connect (" + c.getMessage() + ")";
            case PrematureCloseException p -> "connection closed before the answer";
            default -> t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        };
    }

    static final class ScrapeFailed extends RuntimeException {
        ScrapeFailed(String message) {
            super(message, null, false, false);
        }
    }
}
