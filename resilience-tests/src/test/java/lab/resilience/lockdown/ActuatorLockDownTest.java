package lab.resilience.lockdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.Stream;
import lab.resilience.support.Bodies;
import lab.resilience.support.Client;
import lab.resilience.support.ComparedVariants;
import lab.resilience.support.Lab;
import lab.resilience.support.Reply;
import lab.variants.Variant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Only health, info, metrics and prometheus are exposed; everything that reveals or changes internals is 404. */
@Order(1)
class ActuatorLockDownTest {

    private static final List<String> HIDDEN = List.of(
            "env",
            "heapdump",
            "threaddump",
            "beans",
            "configprops",
            "loggers",
            "shutdown",
            "mappings",
            "caches",
            "scheduledtasks",
            "conditions",
            "startup",
            "sbom",
            "httpexchanges",
            "auditevents",
            "logfile",
            "flyway",
            "liquibase",
            "quartz",
            "sessions",
            "integrationgraph");
    private static final List<String> EXPOSED =
            List.of("health", "health/liveness", "health/readiness", "info", "metrics", "prometheus");

    static Stream<Arguments> hiddenEndpoints() {
        return Variant.COMPARED.stream().flatMap(v -> HIDDEN.stream().map(e -> Arguments.of(v, e)));
    }

    @ParameterizedTest(name = "{0} /actuator/{1}")
    @MethodSource("hiddenEndpoints")
    void sensitiveActuatorEndpointsAre404(Variant variant, String endpoint) {
        Reply reply = Client.get(Lab.app(variant).baseUrl() + "/actuator/" + endpoint);

        assertThat(reply.status()).as("GET /actuator/%s: %s", endpoint, reply).isEqualTo(404);
        Bodies.assertNoInternals(reply.body());
    }

    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void onlyTheFourPublicEndpointsAreExposed(Variant variant) {
        String app = Lab.app(variant).baseUrl();

        for (String endpoint : EXPOSED) {
            Reply reply = Client.get(app + "/actuator/" + endpoint);
            assertThat(reply.status())
                    .as("GET /actuator/%s: %s", endpoint, reply)
                    .isEqualTo(200);
        }
        assertThat(Client.get(app + "/actuator").body())
                .as("the discovery page lists nothing hidden")
                .doesNotContain(
                        HIDDEN.stream().map(e -> "/actuator/" + e + "\"").toList());
    }

    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void postToShutdownIsRefusedAndTheAppKeepsRunning(Variant variant) {
        String app = Lab.app(variant).baseUrl();

        Reply reply = Client.send(
                Client.newHttpClient(),
                Client.request(app + "/actuator/shutdown")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build());

        assertThat(reply.status()).as("POST /actuator/shutdown: %s", reply).isIn(404, 405);
        assertThat(Lab.app(variant).isAlive()).as("still running").isTrue();
        assertThat(Client.get(app + "/actuator/health").status())
                .as("still healthy")
                .isEqualTo(200);
    }
}
