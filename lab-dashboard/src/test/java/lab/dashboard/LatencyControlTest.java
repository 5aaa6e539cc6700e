package lab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.contract.kit.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latency control moves the real stub's delay, and both apps' own downstream timers
 * ({@code http.client.requests}) show it; clearing the faults brings them back.
 */
class LatencyControlTest extends DashboardTestBase {

    private static final int USERS = 10;
    private static final int EXTRA_MS = 500;
    /** The load asks for /api/io?delayMs=100: each downstream call takes 100 ms plus the extra. */
    private static final int BASE_MS = 100;
    /** Most of the added latency must show (an interval may straddle the change). */
    private static final double SHOWN = 0.8;

    @Test
    void theSliderMovesTheStubsDelayAsTheAppsSeeIt() {
        putJson("/api/load", "{\"mode\":\"users\",\"users\":" + USERS + "}");
        JsonNode before = awaitEvent("downstream timers of both apps", e -> both(e, mean -> mean > 0));
        double baseline = Math.max(downstreamMs(before, "mvc"), downstreamMs(before, "webflux"));
        assertThat(baseline).isGreaterThanOrEqualTo(BASE_MS * SHOWN);

        String answer = http.put()
                .uri("/api/faults")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue("{\"extraLatencyMs\":" + EXTRA_MS + "}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(json(answer).path("extraLatencyMs").asInt()).isEqualTo(EXTRA_MS);
        // the real stub now has it
        JsonNode atStub =
                json(Http.get(RealLab.get().stub.baseUrl() + "/admin/faults").body());
        assertThat(atStub.path("extraLatencyMs").asInt()).isEqualTo(EXTRA_MS);

        double slowAtLeast = BASE_MS + EXTRA_MS * SHOWN;
        JsonNode slow = awaitEvent("both apps' downstream calls slowed down", e -> both(e, m -> m >= slowAtLeast));
        assertThat(slow.path("stub").path("faults").path("extraLatencyMs").asInt())
                .isEqualTo(EXTRA_MS);

        http.delete().uri("/api/faults").exchange().expectStatus().isOk();
        double fastAgain = BASE_MS + EXTRA_MS * (1 - SHOWN);
        awaitEvent("both apps' downstream calls fast again", e -> both(e, m -> m < fastAgain));
    }

    private static boolean both(JsonNode event, java.util.function.DoublePredicate meanMs) {
        for (String name : List.of("mvc", "webflux")) {
            JsonNode mean = app(event, name).path("server").path("downstream").path("meanMs");
            if (!mean.isNumber() || !meanMs.test(mean.asDouble())) {
                return false;
            }
        }
        return true;
    }

    private static double downstreamMs(JsonNode event, String app) {
        return app(event, app).path("server").path("downstream").path("meanMs").asDouble();
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }
}
