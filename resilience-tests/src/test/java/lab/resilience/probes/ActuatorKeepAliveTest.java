package lab.resilience.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import lab.resilience.support.Client;
import lab.resilience.support.ComparedVariants;
import lab.resilience.support.Figures;
import lab.resilience.support.Lab;
import lab.resilience.support.Reply;
import lab.variants.Variant;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Health and info answer every request on a reused (keep-alive) connection, as load balancers,
 * scrapers and monitoring agents use them. Found while writing this module: on WebFlux (the app
 * and the stub alike) about 1 in 1,000 sequential keep-alive requests to {@code /actuator/health*}
 * or {@code /actuator/info} gets no answer at all, while a fresh connection is answered at once
 * and {@code /api/**} and {@code /actuator/metrics} are not affected.
 */
@Order(4)
@Disabled("""
        Known open problem, not yet fixed: WebFlux (app and stub) leaves ~1 in 1,000 keep-alive \
        requests to /actuator/health* and /actuator/info unanswered; MVC passes. Kept as the \
        reproduction: run with -Dtest=ActuatorKeepAliveTest after removing this line. \
        See docs/failure-modes.md, "Known problems".""")
class ActuatorKeepAliveTest {

    /** A few times the rate at which the stall shows, so a run without it means something. */
    private static final int REQUESTS = 3_000;

    private static final List<String> PATHS =
            List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info");
    /** Far above a normal answer (milliseconds), far below the default client timeout. */
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void everyRequestOnOneKeepAliveConnectionIsAnswered(Variant variant) {
        String app = Lab.app(variant).baseUrl();
        HttpClient oneConnection = Client.newHttpClient();

        int sent = 0;
        Reply unanswered = null;
        while (sent < REQUESTS && unanswered == null) {
            String path = PATHS.get(sent % PATHS.size());
            Reply reply = Client.send(
                    oneConnection,
                    Client.request(app + path).timeout(PATIENCE).GET().build());
            sent++;
            if (reply.status() != 200) {
                unanswered = reply;
            }
        }

        Figures.record(
                "keep-alive actuator",
                "%s: %d sequential requests on one connection -> %s",
                variant.id(),
                sent,
                unanswered == null ? "all answered" : "request " + sent + " unanswered: " + unanswered);
        assertThat(unanswered)
                .as("%s: request %d of %d on one keep-alive connection", variant, sent, REQUESTS)
                .isNull();
    }
}
