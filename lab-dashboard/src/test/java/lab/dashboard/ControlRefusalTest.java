package lab.dashboard;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A control value out of range, of the wrong type, unknown or malformed gets a 400 problem+json
 * naming the member, like the apps; and nothing changes.
 */
class ControlRefusalTest extends DashboardTestBase {

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("/api/load", "{\"mode\":\"users\",\"users\":0}", "users"),
                Arguments.of("/api/load", "{\"mode\":\"users\",\"users\":5001}", "users"),
                Arguments.of("/api/load", "{\"mode\":\"users\",\"users\":\"many\"}", "users"),
                Arguments.of("/api/load", "{\"mode\":\"users\",\"users\":1.5}", "users"),
                Arguments.of("/api/load", "{\"mode\":\"users\",\"users\":true}", "users"),
                Arguments.of("/api/load", "{\"mode\":\"users\"}", "users"),
                Arguments.of("/api/load", "{\"mode\":\"rate\",\"rate\":-1}", "rate"),
                Arguments.of("/api/load", "{\"mode\":\"rate\",\"rate\":20001}", "rate"),
                Arguments.of("/api/load", "{\"mode\":\"rate\",\"rate\":99999999999}", "rate"),
                Arguments.of("/api/load", "{\"mode\":\"rate\",\"users\":5}", "users"),
                Arguments.of("/api/load", "{\"mode\":\"fast\"}", "mode"),
                Arguments.of("/api/load", "{\"mode\":3}", "mode"),
                Arguments.of("/api/load", "{\"users\":5}", "mode"),
                Arguments.of("/api/load", "{\"mode\":\"users\",\"users\":5,\"thinkMs\":1}", "thinkMs"),
                Arguments.of("/api/load", "not json", null),
                Arguments.of("/api/load", "[1,2]", null),
                Arguments.of("/api/load", "", null),
                Arguments.of("/api/load/mvc", "{\"mode\":\"users\",\"users\":-3}", "users"),
                Arguments.of("/api/faults", "{\"extraLatencyMs\":-1}", "extraLatencyMs"),
                Arguments.of("/api/faults", "{\"extraLatencyMs\":10001}", "extraLatencyMs"),
                Arguments.of("/api/faults", "{\"extraLatencyMs\":\"slow\"}", "extraLatencyMs"),
                Arguments.of("/api/faults", "{\"extraLatencyMs\":null}", "extraLatencyMs"),
                Arguments.of("/api/faults", "{\"errorPercent\":101}", "errorPercent"),
                Arguments.of("/api/faults", "{\"errorPercent\":60,\"resetPercent\":50}", null),
                Arguments.of("/api/faults", "{\"latency\":900}", "latency"),
                Arguments.of("/api/faults", "{}", null));
    }

    @ParameterizedTest(name = "PUT {0} {1}")
    @MethodSource("badBodies")
    void isRefusedWithAProblemNamingTheMember(String uri, String body, String member) {
        WebTestClient.BodyContentSpec problem = http.put()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://lab.example/problems/invalid-parameter")
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.instance")
                .isEqualTo(uri)
                .jsonPath("$.detail")
                .isNotEmpty();
        if (member == null) {
            problem.jsonPath("$.parameter").doesNotExist();
        } else {
            problem.jsonPath("$.parameter").isEqualTo(member);
        }
        nothingChanged();
    }

    @Test
    void anUnknownTargetIs404() {
        http.put()
                .uri("/api/load/nope")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"mode\":\"users\",\"users\":5}")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://lab.example/problems/unknown-target")
                .jsonPath("$.detail")
                .isEqualTo("no target named nope; targets: mvc, webflux");
        nothingChanged();
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        http.put()
                .uri("/api/load")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("{\"mode\":\"users\",\"users\":5}")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType("application/problem+json");
        nothingChanged();
    }

    @Test
    void anotherMethodIs405WithAllow() {
        http.method(HttpMethod.POST)
                .uri("/api/load")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"mode\":\"users\",\"users\":5}")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals("Allow", "DELETE, GET, PUT")
                .expectHeader()
                .contentType("application/problem+json");
        nothingChanged();
    }

    @Test
    void anUnknownPathIs404Problem() {
        http.get()
                .uri("/api/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://lab.example/problems/not-found");
    }

    private void nothingChanged() {
        http.get()
                .uri("/api/load")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.mvc.mode")
                .isEqualTo("off")
                .jsonPath("$.webflux.mode")
                .isEqualTo("off");
        http.get()
                .uri("/api/faults")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.extraLatencyMs")
                .isEqualTo(0)
                .jsonPath("$.errorPercent")
                .isEqualTo(0);
    }
}
