package lab.dashboard;

import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard on a random port in the test JVM, watching the real stub and the real apps
 * ({@link RealLab}); every test leaves the load off and the stub's faults cleared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class DashboardTestBase {

    /** A bound, not a measurement: the apps share two busy cores with other builds. */
    static final Duration AWAIT = Duration.ofSeconds(90);

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void lab(DynamicPropertyRegistry registry) {
        registry.add("dashboard.targets", () -> RealLab.get().targets());
        registry.add("dashboard.stub", () -> RealLab.get().stub.baseUrl());
    }

    @AfterEach
    void leaveItQuiet() {
        http.delete().uri("/api/load").exchange().expectStatus().isOk();
        http.delete().uri("/api/faults").exchange().expectStatus().isOk();
    }

    /** The first event of the live stream that matches, or an assertion error after {@link #AWAIT}. */
    JsonNode awaitEvent(String what, Predicate<JsonNode> matches) {
        JsonNode found = http.get()
                .uri("/events")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {})
                .getResponseBody()
                .map(ServerSentEvent::data)
                .filter(matches)
                .blockFirst(AWAIT);
        if (found == null) {
            throw new AssertionError("no event with " + what);
        }
        return found;
    }

    static JsonNode app(JsonNode event, String name) {
        for (JsonNode app : event.path("apps")) {
            if (name.equals(app.path("name").asString())) {
                return app;
            }
        }
        throw new AssertionError("no app " + name + " in " + event);
    }

    void putJson(String uri, String body) {
        http.put()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
    }
}
