package lab.resilience.lockdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lab.contract.kit.RawHttp;
import lab.resilience.support.Bodies;
import lab.resilience.support.Client;
import lab.resilience.support.ComparedVariants;
import lab.resilience.support.Figures;
import lab.resilience.support.Lab;
import lab.variants.Variant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus in {@code hostile-requests.txt}, byte for byte against every variant: no 5xx, no
 * internals in any body, and the app healthy afterwards. What each app answered is recorded for the docs.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestsTest {

    /** The minimum size of the corpus the lock-down promises. */
    private static final int MIN_CORPUS = 40;

    private static final String CLOSED = "closed";
    private static final String NO_STATUS_LINE = "bare body (HTTP/0.9)";
    /**
     * The only 5xx allowed: the server's own refusal of what it does not implement, as RFC 9110
     * prescribes (501 for a method or transfer coding, 505 for an HTTP version). They come from
     * Tomcat's connector before any application code runs: nothing failed.
     */
    private static final Integer[] PROTOCOL_REFUSALS = {501, 505};

    private static final Map<Variant, Map<String, Integer>> ANSWERS = new EnumMap<>(Variant.class);

    static Stream<Arguments> corpus() {
        assertThat(HostileRequest.corpus()).as("corpus size").hasSizeGreaterThanOrEqualTo(MIN_CORPUS);
        return Variant.COMPARED.stream()
                .flatMap(v -> HostileRequest.corpus().stream().map(r -> Arguments.of(v, r)));
    }

    @Order(1)
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("corpus")
    void aHostileRequestGetsNo5xxAndNoInternals(Variant variant, HostileRequest request) {
        int port = Lab.app(variant).port();
        byte[] bytes = request.bytes(port);
        RawHttp.Response response;
        try {
            response = RawHttp.send("127.0.0.1", port, bytes);
        } catch (UncheckedIOException e) {
            record(variant, CLOSED); // reset or closed without an answer: refusing is fine
            return;
        } catch (RuntimeException notHttp) {
            String answer = Http09.exchange(port, bytes);
            record(variant, NO_STATUS_LINE);
            Bodies.assertNoInternals(answer);
            assertThat(answer)
                    .as("%s: a bare HTTP/0.9 body is no hidden 5xx problem", request)
                    .doesNotContainPattern("\"status\":5\\d\\d");
            return;
        }
        record(variant, response.status() < 0 ? CLOSED : Integer.toString(response.status()));

        Bodies.assertNoInternals(response.head() + response.body());
        assertThat(response.status())
                .as("%s: status (body %s)", request, response.body())
                .satisfiesAnyOf(
                        s -> assertThat(s).isLessThan(500), s -> assertThat(s).isIn(PROTOCOL_REFUSALS));
    }

    private static void record(Variant variant, String outcome) {
        synchronized (ANSWERS) {
            ANSWERS.computeIfAbsent(variant, v -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        }
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void afterTheCorpusTheAppIsHealthyAndServes(Variant variant) {
        String app = Lab.app(variant).baseUrl();

        assertThat(Client.get(app + "/actuator/health").status()).as("health").isEqualTo(200);
        assertThat(Client.get(app + "/api/io?delayMs=0").status())
                .as("a normal request")
                .isEqualTo(200);
    }

    @AfterAll
    static void recordWhatEachAppAnswered() {
        ANSWERS.forEach((variant, counts) -> Figures.record(
                "hostile requests",
                "%s: %d sent -> %s",
                variant.id(),
                counts.values().stream().mapToInt(Integer::intValue).sum(),
                counts.entrySet().stream()
                        .map(e -> e.getValue() + " x " + e.getKey())
                        .collect(Collectors.joining(", "))));
    }
}
