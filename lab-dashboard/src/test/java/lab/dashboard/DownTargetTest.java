package lab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A target nobody listens on, and a stub nobody listens on: the page and the stream say "down",
 * load against it counts errors, the fault controls answer 502, and the dashboard keeps going.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DownTargetTest {

    private static final int CLOSED_PORT = closedPort();

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void targets(DynamicPropertyRegistry registry) {
        registry.add("dashboard.targets", () -> "gone=http://127.0.0.1:" + CLOSED_PORT);
        registry.add("dashboard.stub", () -> "http://127.0.0.1:" + CLOSED_PORT);
    }

    @Test
    void anUnreachableTargetShowsAsDownAndNothingCrashes() {
        http.put()
                .uri("/api/load/gone")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"mode\":\"users\",\"users\":5}")
                .exchange()
                .expectStatus()
                .isOk();

        JsonNode event = http.get()
                .uri("/events")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {})
                .getResponseBody()
                .map(ServerSentEvent::data)
                .filter(e ->
                        e.path("apps").path(0).path("client").path("errors").has("io"))
                .blockFirst(Duration.ofSeconds(60));

        JsonNode gone = event.path("apps").path(0);
        assertThat(gone.path("name").asString()).isEqualTo("gone");
        assertThat(gone.path("status").asString()).isEqualTo("down");
        assertThat(gone.path("error").asString()).contains("connect");
        assertThat(gone.path("server").isNull()).isTrue();
        assertThat(event.path("stub").path("status").asString()).isEqualTo("down");

        http.put()
                .uri("/api/faults")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"extraLatencyMs\":900}")
                .exchange()
                .expectStatus()
                .isEqualTo(502)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://lab.example/problems/stub-failed");

        // still serving
        http.delete().uri("/api/load").exchange().expectStatus().isOk();
        http.get().uri("/api/state").exchange().expectStatus().isOk();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
