package lab.app.api;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import lab.app.core.blocking.BlockingDownstream;
import lab.app.core.downstream.DownstreamException;
import lab.app.core.downstream.DownstreamOutcome;
import lab.app.core.render.ProblemMapper;
import lab.app.core.render.ProblemRenderer;
import lab.app.core.settings.LabProperties;
import lab.app.downstream.FanOut;
import lab.app.downstream.ReactiveDownstream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** Parameter validation and error rendering of the WebFlux endpoints, downstream mocked. */
@WebFluxTest(controllers = ApiController.class, properties = "lab.overload.retry-after=3s")
// The shared renderer and mapper live in app-core, outside the slice's scan of web components.
@Import({ApiControllerSliceTest.Wiring.class, ProblemMapper.class, ProblemRenderer.class})
class ApiControllerSliceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    private WebTestClient client;

    @MockitoBean
    private ReactiveDownstream downstream;

    @MockitoBean
    private BlockingDownstream blockingDownstream;

    @MockitoBean
    private FanOut fanOut;

    @BeforeEach
    void downstreamAnswers() {
        given(downstream.call(anyInt(), anyInt())).willReturn(Mono.empty());
        given(fanOut.callAll(anyInt(), anyInt(), anyInt())).willReturn(Mono.empty());
    }

    @Test
    void goodRequestAnswersTheResultBodyInContractOrder() {
        client.get()
                .uri("/api/io?delayMs=0&bytes=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/json")
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .startsWith("{\"app\":\"webflux\",\"model\":\"event-loop\",\"thread\":\"")
                        .contains("\"virtual\":false,\"calls\":1,\"delayMs\":0,\"elapsedMs\":"));
    }

    @Test
    void fanoutReportsTheCallsItMade() {
        client.get()
                .uri("/api/fanout?calls=3&delayMs=7")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.calls")
                .isEqualTo(3);
    }

    @Test
    void outOfRangeParameterIsAnInvalidParameterProblem() {
        client.get()
                .uri("/api/io?delayMs=10001")
                .exchange()
                .expectStatus()
                .isEqualTo(400)
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody(String.class)
                .isEqualTo(
                        "{\"type\":\"https://lab.example/problems/invalid-parameter\",\"title\":\"Invalid parameter\","
                                + "\"status\":400,\"detail\":\"delayMs must be an integer between 0 and 10000\","
                                + "\"instance\":\"/api/io\",\"parameter\":\"delayMs\"}");
    }

    @Test
    void unknownParameterIsRefused() {
        client.get()
                .uri("/api/cpu?delayMs=5")
                .exchange()
                .expectStatus()
                .isEqualTo(400)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("unknown parameter delayMs");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        client.post()
                .uri("/api/io")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectHeader()
                .valueEquals("Allow", "GET, HEAD")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://lab.example/problems/method-not-allowed");
    }

    @Test
    void acceptWithoutJsonIs406ProblemAnyway() {
        client.get()
                .uri("/api/cpu?rounds=1")
                .header("Accept", "text/html")
                .exchange()
                .expectStatus()
                .isEqualTo(406)
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("this endpoint produces application/json only");
    }

    @Test
    void unknownPathIs404Problem() {
        client.get()
                .uri("/api/nope")
                .exchange()
                .expectStatus()
                .isEqualTo(404)
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.instance")
                .isEqualTo("/api/nope");
    }

    @Test
    void queryLongerThanTheLimitIs414BeforeAnythingElse() {
        client.get()
                .uri("/api/nope?pad=" + "x".repeat(1100))
                .exchange()
                .expectStatus()
                .isEqualTo(414)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("query string longer than 1024 characters");
    }

    @Test
    void downstreamTimeoutIs504() {
        willThrow(new DownstreamException(DownstreamOutcome.TIMEOUT, null))
                .given(blockingDownstream)
                .call(anyInt(), anyInt());

        client.get()
                .uri("/api/blocking-io")
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://lab.example/problems/downstream-timeout");
    }

    @Test
    void downstreamFailureIs502WithoutInternals() {
        given(downstream.call(anyInt(), anyInt()))
                .willReturn(Mono.error(new DownstreamException(
                        DownstreamOutcome.RESET, new IllegalStateException("secret internals"))));

        client.get()
                .uri("/api/io")
                .exchange()
                .expectStatus()
                .isEqualTo(502)
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("downstream-failed")
                        .doesNotContain("secret", "Exception"));
    }

    @Test
    void exhaustedClientPoolIs503WithRetryAfter() {
        given(fanOut.callAll(anyInt(), anyInt(), anyInt()))
                .willReturn(Mono.error(new DownstreamException(DownstreamOutcome.POOL_EXHAUSTED, null)));

        client.get()
                .uri("/api/fanout")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "3")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://lab.example/problems/overloaded");
    }

    @Test
    void unexpectedFailureIsAGeneric500() {
        given(downstream.call(anyInt(), anyInt()))
                .willReturn(Mono.error(new IllegalStateException("boom at lab.app.Secret")));

        client.get()
                .uri("/api/io")
                .exchange()
                .expectStatus()
                .isEqualTo(500)
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("internal-error")
                        .doesNotContain("boom", "lab.app", "Exception"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LabProperties.class)
    @ComponentScan(basePackages = {"lab.app.config", "lab.app.error", "lab.app.guard"})
    static class Wiring {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
