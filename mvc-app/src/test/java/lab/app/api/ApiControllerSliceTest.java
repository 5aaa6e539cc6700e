package lab.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Parameter validation and error rendering of the MVC endpoints, downstream mocked. */
@WebMvcTest(controllers = ApiController.class, properties = "lab.overload.retry-after=3s")
// The shared renderer and mapper live in app-core, outside the slice's scan of web components.
@Import({ApiControllerSliceTest.Wiring.class, ProblemMapper.class, ProblemRenderer.class})
class ApiControllerSliceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private BlockingDownstream downstream;

    @MockitoBean
    private FanOut fanOut;

    @Test
    void goodRequestAnswersTheResultBodyInContractOrder() {
        MvcTestResult result = mvc.get().uri("/api/io?delayMs=0&bytes=1").exchange();

        assertThat(result).hasStatusOk().hasContentType("application/json");
        assertThat(result)
                .bodyText()
                .startsWith("{\"app\":\"mvc\",\"model\":\"thread-per-request\",\"thread\":\"")
                .contains("\"virtual\":false,\"calls\":1,\"delayMs\":0,\"elapsedMs\":");
    }

    @Test
    void fanoutReportsTheCallsItMade() {
        assertThat(mvc.get().uri("/api/fanout?calls=3&delayMs=7").exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.calls")
                .isEqualTo(3);
    }

    @Test
    void outOfRangeParameterIsAnInvalidParameterProblem() {
        assertThat(mvc.get().uri("/api/io?delayMs=10001").exchange())
                .hasStatus(400)
                .hasContentType(PROBLEM_JSON)
                .bodyText()
                .isEqualTo(
                        "{\"type\":\"https://lab.example/problems/invalid-parameter\",\"title\":\"Invalid parameter\","
                                + "\"status\":400,\"detail\":\"delayMs must be an integer between 0 and 10000\","
                                + "\"instance\":\"/api/io\",\"parameter\":\"delayMs\"}");
    }

    @Test
    void unknownParameterIsRefused() {
        assertThat(mvc.get().uri("/api/cpu?delayMs=5").exchange())
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("unknown parameter delayMs");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        MvcTestResult result = mvc.post().uri("/api/io").exchange();

        assertThat(result).hasStatus(405).hasContentType(PROBLEM_JSON).hasHeader("Allow", "GET, HEAD");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://lab.example/problems/method-not-allowed");
    }

    @Test
    void acceptWithoutJsonIs406ProblemAnyway() {
        assertThat(mvc.get()
                        .uri("/api/cpu?rounds=1")
                        .header("Accept", "text/html")
                        .exchange())
                .hasStatus(406)
                .hasContentType(PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("this endpoint produces application/json only");
    }

    @Test
    void unknownPathIs404Problem() {
        assertThat(mvc.get().uri("/api/nope").exchange())
                .hasStatus(404)
                .hasContentType(PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.instance")
                .isEqualTo("/api/nope");
    }

    @Test
    void queryLongerThanTheLimitIs414BeforeAnythingElse() {
        assertThat(mvc.get().uri("/api/nope?pad=" + "x".repeat(1100)).exchange())
                .hasStatus(414)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("query string longer than 1024 characters");
    }

    @Test
    void downstreamTimeoutIs504() {
        willThrow(new DownstreamException(DownstreamOutcome.TIMEOUT, null))
                .given(downstream)
                .call(anyInt(), anyInt());

        assertThat(mvc.get().uri("/api/blocking-io").exchange())
                .hasStatus(504)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://lab.example/problems/downstream-timeout");
    }

    @Test
    void downstreamFailureIs502WithoutInternals() {
        willThrow(new DownstreamException(DownstreamOutcome.RESET, new IllegalStateException("secret internals")))
                .given(downstream)
                .call(anyInt(), anyInt());

        assertThat(mvc.get().uri("/api/io").exchange())
                .hasStatus(502)
                .bodyText()
                .contains("downstream-failed")
                .doesNotContain("secret", "Exception");
    }

    @Test
    void exhaustedClientPoolIs503WithRetryAfter() {
        willThrow(new DownstreamException(DownstreamOutcome.POOL_EXHAUSTED, null))
                .given(fanOut)
                .callAll(anyInt(), anyInt(), anyInt(), anyString());

        assertThat(mvc.get().uri("/api/fanout").exchange())
                .hasStatus(503)
                .hasHeader("Retry-After", "3")
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://lab.example/problems/overloaded");
    }

    @Test
    void unexpectedFailureIsAGeneric500() {
        willThrow(new IllegalStateException("boom at lab.app.Secret"))
                .given(downstream)
                .call(anyInt(), anyInt());

        assertThat(mvc.get().uri("/api/io").exchange())
                .hasStatus(500)
                .bodyText()
                .contains("internal-error")
                .doesNotContain("boom", "lab.app", "Exception");
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
