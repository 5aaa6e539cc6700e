package lab.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The runtime fault mix, with the admin endpoint switched on. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "stub.admin.enabled=true", "stub.limits.max-delay-ms=5000"})
@AutoConfigureWebTestClient
class FaultAdminServerTest {

    private static final String NONE =
            "{\"extraLatencyMs\":0,\"jitterMs\":0,\"errorPercent\":0,\"resetPercent\":0,\"hangPercent\":0,\"closePercent\":0}";

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @AfterEach
    void resetTheMix() {
        web.delete()
                .uri("/admin/faults")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json(NONE);
    }

    @Test
    void showsNoFaultsUntilSetAndTheSetMixAfterwards() {
        web.get()
                .uri("/admin/faults")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json(NONE, JsonCompareMode.STRICT);

        put("{\"extraLatencyMs\":900,\"jitterMs\":5}").expectStatus().isOk();

        web.get()
                .uri("/admin/faults")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json(
                        "{\"extraLatencyMs\":900,\"jitterMs\":5,\"errorPercent\":0,\"resetPercent\":0,\"hangPercent\":0,\"closePercent\":0}",
                        JsonCompareMode.STRICT);
    }

    @Test
    void extraLatencyDelaysEveryLaterRequest() throws Exception {
        long extraMs = 400;
        put("{\"extraLatencyMs\":" + extraMs + "}").expectStatus().isOk();

        assertThat(new StubHttp(port).timedGet("/delay?ms=0")).isGreaterThanOrEqualTo(extraMs * 9 / 10);
    }

    @Test
    void errorPercentOfAHundredFailsEveryRequest() throws Exception {
        put("{\"errorPercent\":100}").expectStatus().isOk();
        StubHttp http = new StubHttp(port);

        for (int i = 0; i < 10; i++) {
            HttpResponse<byte[]> response = http.get("/delay?ms=0");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        }
    }

    @Test
    void resetPercentOfAHundredResetsEveryRequest() {
        put("{\"resetPercent\":100}").expectStatus().isOk();

        assertThatThrownBy(() -> new StubHttp(port).get("/delay?ms=0")).isInstanceOf(IOException.class);
    }

    @Test
    void closePercentOfAHundredClosesEveryConnectionWithoutAnAnswer() {
        put("{\"closePercent\":100}").expectStatus().isOk();

        assertThatThrownBy(() -> new StubHttp(port).get("/delay?ms=0")).isInstanceOf(IOException.class);
    }

    @Test
    void aRequestsOwnFaultWinsOverTheMix() throws Exception {
        put("{\"errorPercent\":100}").expectStatus().isOk();

        assertThat(new StubHttp(port).get("/delay?ms=0&status=200").statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"errorPercent":101}                    | errorPercent   | errorPercent must be an integer between 0 and 100
            {"resetPercent":-1}                     | resetPercent   | resetPercent must be an integer between 0 and 100
            {"closePercent":101}                    | closePercent   | closePercent must be an integer between 0 and 100
            {"extraLatencyMs":5001}                 | extraLatencyMs | extraLatencyMs must be an integer between 0 and 5000
            {"jitterMs":"soon"}                     | jitterMs       | jitterMs must be an integer
            {"hangPercent":2.5}                     | hangPercent    | hangPercent must be an integer
            {"extraLatency":900}                    | extraLatency   | unknown member extraLatency
            """)
    void invalidMixIsRejectedAndChangesNothing(String body, String parameter, String detail) {
        put(body)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .json("""
                        {"type":"https://lab.example/problems/invalid-parameter","title":"Invalid parameter",
                         "status":400,"detail":"%s","instance":"/admin/faults","parameter":"%s"}
                        """.formatted(detail, parameter), JsonCompareMode.STRICT);

        web.get().uri("/admin/faults").exchange().expectBody().json(NONE, JsonCompareMode.STRICT);
    }

    @Test
    void percentagesMustNotAddUpToMoreThanAHundred() {
        put("{\"errorPercent\":60,\"resetPercent\":30,\"closePercent\":5,\"hangPercent\":6}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("errorPercent + resetPercent + closePercent + hangPercent must be at most 100");
    }

    @Test
    void onlyJsonBodiesAndTheThreeMethodsAreAccepted() {
        web.put()
                .uri("/admin/faults")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("x")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post()
                .uri("/admin/faults")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals("Allow", "DELETE, GET, PUT");
    }

    private WebTestClient.ResponseSpec put(String json) {
        return web.put()
                .uri("/admin/faults")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }
}
