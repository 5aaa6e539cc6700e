package lab.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lab.contract.ContractCases.BadInput;
import lab.contract.ContractCases.Success;
import lab.contract.kit.Http;
import lab.contract.kit.RawHttp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP contract of {@code docs/contract.md}, run against a live app whose downstream is the real
 * stub. A subclass binds it to one app: {@link #baseUrl()}, {@link #expectedApp()},
 * {@link #expectedModel()} and the pattern of the serving thread's name.
 *
 * <p>Bodies are compared with the golden files in {@code api-contract/src/test/resources/golden/}
 * (success bodies after {@link Golden#normalise}, problem bodies byte for byte), so every app is
 * checked against the same bytes.
 */
public abstract class ApiContractTests {

    /** What a problem body must never show: stack frames, exception names or messages, class names. */
    private static final List<String> LEAKS = List.of(
            "Exception",
            "exception",
            "Error:",
            "at java.",
            "at org.",
            "Caused by",
            "\"trace\"",
            "\"error\"",
            "\"exception\"",
            "\"path\"",
            "\"timestamp\"",
            "org.springframework",
            "java.lang",
            "jakarta.",
            "reactor.",
            "lab.app",
            "lab.core",
            "tools.jackson",
            "NumberFormat");

    private static final String PROBLEM_TYPE_PREFIX = "https://lab.example/problems/";
    private static final List<String> RESULT_MEMBERS =
            List.of("app", "model", "thread", "virtual", "calls", "delayMs", "elapsedMs");
    private static final List<String> PROBLEM_MEMBERS =
            List.of("type", "title", "status", "detail", "instance", "parameter");
    /** Fan-out in parallel finishes in about one delay; serially it would take {@code calls} delays. */
    private static final int FANOUT_CALLS = 8;

    private static final int FANOUT_DELAY_MS = 200;
    private static final double FANOUT_PARALLEL_FRACTION = 0.5;

    /** Where the app listens, e.g. {@code http://127.0.0.1:8081}. */
    protected abstract String baseUrl();

    /** {@code mvc} or {@code webflux}. */
    protected abstract String expectedApp();

    /** {@code thread-per-request}, {@code virtual-threads} or {@code event-loop}. */
    protected abstract String expectedModel();

    /** The names of threads that may serve a request in this app. */
    /** The name of the thread that serves {@code target} (the result's {@code thread} member). */
    protected abstract Pattern servingThreadName(String target);

    protected boolean expectedVirtual() {
        return "virtual-threads".equals(expectedModel());
    }

    static Stream<Success> successes() {
        return ContractCases.successes().stream();
    }

    static Stream<BadInput> badInputs() {
        return ContractCases.badInputs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("successes")
    @DisplayName("good requests answer 200 application/json with every member typed, ordered and echoed")
    void goodRequestAnswersTheResultBody(Success good) {
        long started = System.nanoTime();
        Http.Response response = Http.get(baseUrl() + good.target(), Map.of("Accept", "application/json"));
        long clientMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.status())
                .as("%s: status; body %s", good, response.body())
                .isEqualTo(200);
        assertThat(response.mediaType()).as("%s: content type", good).contains("application/json");
        JsonNode body = Golden.parse(response.body());
        assertThat(body.propertyNames())
                .as("%s: members in contract order", good)
                .containsExactlyElementsOf(RESULT_MEMBERS);
        assertSoftly(soft -> {
            soft.assertThat(body.get("app").isString()).as("app is a string").isTrue();
            soft.assertThat(body.get("app").stringValue()).isEqualTo(expectedApp());
            soft.assertThat(body.get("model").isString())
                    .as("model is a string")
                    .isTrue();
            soft.assertThat(body.get("model").stringValue()).isEqualTo(expectedModel());
            soft.assertThat(body.get("thread").isString())
                    .as("thread is a string")
                    .isTrue();
            soft.assertThat(body.get("thread").asString()).matches(servingThreadName(good.target()));
            soft.assertThat(body.get("virtual").isBoolean())
                    .as("virtual is a boolean")
                    .isTrue();
            soft.assertThat(body.get("virtual").asBoolean())
                    .as("virtual matches the model")
                    .isEqualTo(expectedVirtual());
            soft.assertThat(body.get("calls").isInt()).as("calls is an integer").isTrue();
            soft.assertThat(body.get("calls").asInt()).isEqualTo(good.calls());
            soft.assertThat(body.get("delayMs").isInt())
                    .as("delayMs is an integer")
                    .isTrue();
            soft.assertThat(body.get("delayMs").asInt()).isEqualTo(good.delayMs());
            soft.assertThat(body.get("elapsedMs").isIntegralNumber())
                    .as("elapsedMs is an integer")
                    .isTrue();
            soft.assertThat(body.get("elapsedMs").asLong())
                    .as("elapsedMs covers the downstream delay")
                    .isGreaterThanOrEqualTo(good.delayMs())
                    .isLessThanOrEqualTo(clientMillis + 1);
            soft.assertThat(Golden.normalise(response.body()))
                    .as("normalised body vs golden/%s.json", good.name())
                    .isEqualTo(Golden.load(good.name()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    @DisplayName("bad requests answer the catalogue's problem+json, byte for byte, without internals")
    void badRequestAnswersTheCataloguedProblem(BadInput bad) {
        RawHttp.Response response = send(bad);

        assertThat(response.status())
                .as("%s: status; body %s", bad, response.body())
                .isEqualTo(bad.status());
        assertThat(response.mediaType())
                .as("%s: content type; head %s", bad, response.head())
                .contains("application/problem+json");
        assertNoInternals(response.body());
        JsonNode problem = Golden.parse(response.body());
        List<String> expectedMembers = new ArrayList<>(PROBLEM_MEMBERS);
        if (!problem.has("parameter")) {
            expectedMembers.remove("parameter");
        }
        assertThat(problem.propertyNames())
                .as("%s: members in contract order", bad)
                .containsExactlyElementsOf(expectedMembers);
        assertSoftly(soft -> {
            soft.assertThat(problem.get("type").asString()).startsWith(PROBLEM_TYPE_PREFIX);
            soft.assertThat(problem.get("status").isInt())
                    .as("status is an integer")
                    .isTrue();
            soft.assertThat(problem.get("status").asInt())
                    .as("status member = HTTP status")
                    .isEqualTo(bad.status());
            soft.assertThat(problem.has("parameter"))
                    .as("parameter exactly for invalid-parameter")
                    .isEqualTo(problem.get("type").asString().equals(PROBLEM_TYPE_PREFIX + "invalid-parameter"));
            soft.assertThat(response.body())
                    .as("body vs golden/%s.json", bad.name())
                    .isEqualTo(Golden.load(bad.name()));
        });
        if (bad.status() == 405) {
            assertThat(response.header("Allow")).as("Allow header").isPresent();
            assertThat(Arrays.stream(response.header("Allow").orElseThrow().split(","))
                            .map(String::strip))
                    .containsExactlyInAnyOrder("GET", "HEAD");
        }
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(
            strings = {
                "application/json",
                "*/*",
                "application/*",
                "text/html, application/json;q=0.5",
                "application/problem+json, application/json"
            })
    @DisplayName("any Accept that admits JSON gets the JSON body")
    void acceptHeadersThatAdmitJsonAreServed(String accept) {
        Http.Response response = Http.get(baseUrl() + "/api/cpu?rounds=1", Map.of("Accept", accept));

        assertThat(response.status()).as("status; body %s", response.body()).isEqualTo(200);
        assertThat(response.mediaType()).contains("application/json");
    }

    @Test
    void requestWithoutAcceptGetsJson() {
        RawHttp.Response response = RawHttp.send(
                "127.0.0.1",
                port(),
                "GET /api/cpu?rounds=1 HTTP/1.1\r\n" + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.mediaType()).contains("application/json");
    }

    @Test
    void headIsAllowedAndAnswersWithoutBody() {
        Http.Response response =
                Http.send("HEAD", baseUrl() + "/api/cpu?rounds=1", Map.of("Accept", "application/json"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.mediaType()).contains("application/json");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void fanoutCallsTheDownstreamInParallel() {
        // untimed: the first fan-out opens the client's connections and loads classes (a cold WebClient took 1.8 s)
        Http.get(baseUrl() + "/api/fanout?calls=" + FANOUT_CALLS + "&delayMs=0");

        Http.Response response =
                Http.get(baseUrl() + "/api/fanout?calls=" + FANOUT_CALLS + "&delayMs=" + FANOUT_DELAY_MS);

        assertThat(response.status()).isEqualTo(200);
        long elapsed = Golden.parse(response.body()).get("elapsedMs").asLong();
        assertThat(elapsed)
                .as("%d calls of %d ms in parallel, not one after the other", FANOUT_CALLS, FANOUT_DELAY_MS)
                .isGreaterThanOrEqualTo(FANOUT_DELAY_MS)
                .isLessThan((long) (FANOUT_PARALLEL_FRACTION * FANOUT_CALLS * FANOUT_DELAY_MS));
    }

    @Test
    void everyBadInputCaseHasAGoldenBodyWithoutInternals() {
        assertThat(ContractCases.badInputs()).hasSizeGreaterThanOrEqualTo(20);
        assertSoftly(soft -> ContractCases.badInputs().forEach(bad -> {
            soft.assertThat(Golden.find(bad.name()))
                    .as("golden/%s.json", bad.name())
                    .isPresent();
            Golden.find(bad.name())
                    .ifPresent(golden -> LEAKS.forEach(leak -> soft.assertThat(golden)
                            .as("golden/%s.json", bad.name())
                            .doesNotContain(leak)));
        }));
    }

    private RawHttp.Response send(BadInput bad) {
        return RawHttp.send("127.0.0.1", port(), bad.rawRequest(port()));
    }

    private int port() {
        return URI.create(baseUrl()).getPort();
    }

    private static void assertNoInternals(String body) {
        assertSoftly(soft ->
                LEAKS.forEach(leak -> soft.assertThat(body).as("problem body").doesNotContain(leak)));
    }
}
