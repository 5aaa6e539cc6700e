package lab.resilience.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lab.contract.kit.StubFaults.Fault;
import lab.resilience.support.Bodies;
import lab.resilience.support.Client;
import lab.resilience.support.ComparedVariants;
import lab.resilience.support.Figures;
import lab.resilience.support.Lab;
import lab.resilience.support.Meters;
import lab.resilience.support.Reply;
import lab.variants.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Each way the downstream can fail maps to its catalogue answer in every variant, with the
 * {@code lab.downstream.calls} outcome counted. (Connection refused is in the recovery test,
 * which kills the stub.) The apps do not forward fault parameters to the stub, so faults come
 * from the stub's runtime mix; the mix answers errors with {@code stub.faults.mix-error-status} (500).
 */
@Order(5)
class FaultMappingTest {

    /** Several calls per fault, so a counter that counts only the first would show. */
    private static final int CALLS = 3;
    /** Far slower than the apps' response timeout, well inside their {@code delayMs} bound. */
    private static final Duration SLOW = Lab.RESPONSE_TIMEOUT.multipliedBy(3);
    /** How early a timeout may fire (timer granularity) and still count as "waited for the timeout". */
    private static final double EARLY_FACTOR = 0.9;

    @AfterEach
    void healTheStub() {
        Lab.stubFaults().clear();
    }

    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void downstreamSlowerThanTheResponseTimeoutAnswers504WithinTheTimeoutPlusHalfASecond(Variant variant) {
        String app = Lab.app(variant).baseUrl();

        Duration elapsed = assertTimeout(variant, app + "/api/io?delayMs=" + SLOW.toMillis());

        Figures.record(
                "timeout",
                "%s: stub %d ms vs response-timeout %d ms -> 504 after %d ms",
                variant.id(),
                SLOW.toMillis(),
                Lab.RESPONSE_TIMEOUT.toMillis(),
                elapsed.toMillis());
    }

    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void downstreamThatNeverAnswersAnswers504WithinTheTimeoutPlusHalfASecond(Variant variant) {
        String app = Lab.app(variant).baseUrl();
        Lab.stubFaults().set(Fault.HANG, 100);

        Duration elapsed = assertTimeout(variant, app + "/api/io?delayMs=0");

        Figures.record("hang", "%s: stub never answers -> 504 after %d ms", variant.id(), elapsed.toMillis());
    }

    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void downstreamAnswering5xxAnswers502(Variant variant) {
        assertEveryCallFailsWith502(variant, Fault.SERVER_ERROR, "server_error");
    }

    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void downstreamResettingTheConnectionAnswers502(Variant variant) {
        assertEveryCallFailsWith502(variant, Fault.RESET, "reset");
    }

    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void downstreamClosingTheConnectionWithoutAnAnswerAnswers502(Variant variant) {
        assertEveryCallFailsWith502(variant, Fault.CLOSE, "reset");
    }

    private static Duration assertTimeout(Variant variant, String url) {
        Meters meters = new Meters(Lab.app(variant).baseUrl());
        double timeoutsBefore = meters.downstreamCalls("timeout");

        Reply reply = Client.get(url);

        Bodies.assertProblem(reply, 504, "downstream-timeout");
        assertThat(reply.elapsed())
                .as("504 comes after the response timeout, not before: %s", reply)
                .isGreaterThanOrEqualTo(Duration.ofMillis((long) (Lab.RESPONSE_TIMEOUT.toMillis() * EARLY_FACTOR)));
        assertThat(reply.elapsed())
                .as("504 comes within response-timeout + %s: %s", Lab.TIMEOUT_SLACK, reply)
                .isLessThanOrEqualTo(Lab.RESPONSE_TIMEOUT.plus(Lab.TIMEOUT_SLACK));
        assertThat(meters.downstreamCalls("timeout"))
                .as("lab.downstream.calls{outcome=timeout}")
                .isEqualTo(timeoutsBefore + 1);
        return reply.elapsed();
    }

    private static void assertEveryCallFailsWith502(Variant variant, Fault fault, String outcome) {
        String app = Lab.app(variant).baseUrl();
        Meters meters = new Meters(app);
        double before = meters.downstreamCalls(outcome);
        double successesBefore = meters.downstreamCalls("success");
        Lab.stubFaults().set(fault, 100);

        for (int i = 0; i < CALLS; i++) {
            Reply reply = Client.get(app + "/api/io?delayMs=0");
            Bodies.assertProblem(reply, 502, "downstream-failed");
            Figures.record(
                    "fault " + fault,
                    "%s: -> 502 in %d ms, counted as %s",
                    variant.id(),
                    reply.elapsedMillis(),
                    outcome);
        }

        assertThat(meters.downstreamCalls(outcome))
                .as("lab.downstream.calls{outcome=%s}", outcome)
                .isEqualTo(before + CALLS);
        assertThat(meters.downstreamCalls("success"))
                .as("no call counted as a success")
                .isEqualTo(successesBefore);
    }
}
