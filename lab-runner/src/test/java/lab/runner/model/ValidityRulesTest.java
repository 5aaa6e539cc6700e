package lab.runner.model;

import static lab.runner.model.Measurements.measurement;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lab.runrecord.Measurement;
import org.junit.jupiter.api.Test;

class ValidityRulesTest {

    private static final ValidityRules RULES = ValidityRules.DEFAULTS;
    private static final int DELAY_MS = 100;

    private static List<String> closed(Measurement m) {
        return RULES.reasons(new ValidityRules.Evidence(m, false, false, 1, DELAY_MS, null, false));
    }

    private static List<String> open(Measurement m, double offered, boolean unexplained) {
        return RULES.reasons(new ValidityRules.Evidence(m, false, false, 1, DELAY_MS, offered, unexplained));
    }

    @Test
    void anUnremarkableStepIsValid() {
        assertThat(closed(measurement().build())).isEmpty();
    }

    @Test
    void aFailedLoadGeneratorOrAColdAppIsNamed() {
        Measurement m = measurement().build();

        assertThat(RULES.reasons(new ValidityRules.Evidence(m, true, false, 1, DELAY_MS, null, false)))
                .containsExactly("load generator failed (no usable Gatling results)");
        assertThat(RULES.reasons(new ValidityRules.Evidence(m, false, true, 1, DELAY_MS, null, false)))
                .containsExactly("cold app: not warmed up to a stable state (no warm-up, or it never became stable)");
    }

    @Test
    void otherProcessesOnTheAppsCpusMakeTheStepSuspect() {
        // 15 % of the app's budget is tolerated
        assertThat(closed(measurement().foreignCpu(0.15).build())).isEmpty();
        assertThat(closed(measurement().foreignCpu(0.2).build()))
                .containsExactly("noisy machine: other processes used 0.20 of the app's 1.00 CPU");
        // on a two-core budget 0.2 is within 15 %
        assertThat(RULES.reasons(new ValidityRules.Evidence(
                        measurement().foreignCpu(0.2).build(), false, false, 2, DELAY_MS, null, false)))
                .isEmpty();
    }

    @Test
    void aSaturatedLoadSideMakesTheStepSayNothingAboutTheApp() {
        assertThat(closed(measurement().loadSide(0.6, 0.25, 1).build())).isEmpty();
        assertThat(closed(measurement().loadSide(0.72, 0.2, 1).build()))
                .containsExactly("load side saturated: Gatling 0.72 + stub 0.20 of 1.00 CPU");
    }

    @Test
    void aSlowStubIsToleratedUpTo20MsOr20PercentOfTheDelay() {
        assertThat(closed(measurement().stubOverheadMs(20.0).build())).isEmpty();
        assertThat(closed(measurement().stubOverheadMs(25.0).build()))
                .containsExactly("stub slow: 25 ms above its 100 ms delay (tolerated 20)");
        // with a 200 ms delay 20 % is 40 ms
        assertThat(RULES.reasons(new ValidityRules.Evidence(
                        measurement().stubOverheadMs(25.0).build(), false, false, 1, 200, null, false)))
                .isEmpty();
        assertThat(closed(measurement().stubOverheadMs(Double.POSITIVE_INFINITY).build()))
                .containsExactly("stub did not answer the lab's probe requests in time");
        // no probe in the window: nothing to say
        assertThat(closed(measurement().stubOverheadMs(null).build())).isEmpty();
        assertThat(RULES.stubSlow(Double.NaN, DELAY_MS)).isFalse();
        assertThat(RULES.stubSlow(null, DELAY_MS)).isFalse();
        assertThat(RULES.stubSlow(21.0, DELAY_MS)).isTrue();
        assertThat(RULES.stubSlow(21.0, 10_000)).isFalse();
    }

    @Test
    void errorsTheLoadGeneratorsMachineCausedAreNotTheAppsErrors() {
        Map<String, Long> errors = Map.of(
                "j.n.BindException: Cannot assign requested address", 30L,
                "i.n.c.u.Errors$NativeIoException: Too many open files", 5L,
                "status.find.in(200..399), but actually found 503", 400L);

        assertThat(closed(measurement().errors(errors).build()))
                .containsExactly("35 errors caused by the load generator's machine, not the app");
        assertThat(ValidityRules.labSideErrors(Map.of("request timeout to 127.0.0.1:8081 after 10000 ms", 9L)))
                .isZero();
    }

    @Test
    void connectErrorsCountAgainstTheLabOnlyWhileTheAppWasIdle() {
        Map<String, Long> errors = Map.of("j.n.ConnectException: Connection refused", 12L);

        assertThat(closed(measurement().errors(errors).cpu(0.05).inFlight(0.0).build()))
                .containsExactly("12 connect errors while the app was idle: the load generator could not connect");
        // a busy app that refuses connections is a statement about the app
        assertThat(closed(measurement().errors(errors).cpu(0.8).build())).isEmpty();
        assertThat(closed(measurement().errors(errors).cpu(0.05).inFlight(150.0).build()))
                .isEmpty();
    }

    @Test
    void anOpenStepThatFellBehindWithNoMeasuredLimitIsNotValid() {
        Measurement behind = measurement().throughput(2000).offered(3000.0).build();

        assertThat(open(behind, 3000, true))
                .containsExactly("fell behind the offered 3000/s (2000 rps) with no measured limit in the app");
        // the same shortfall with a named cause (threads, CPU, ...) is a valid statement about the app
        assertThat(open(behind, 3000, false)).isEmpty();
        // keeping up (90 % of the offered rate) needs no cause
        assertThat(open(measurement().throughput(2750).build(), 3000, true)).isEmpty();
        // a closed step is never held to an offered rate
        assertThat(RULES.reasons(new ValidityRules.Evidence(behind, false, false, 1, DELAY_MS, null, true)))
                .isEmpty();
    }

    @Test
    void everyReasonIsListed() {
        Measurement m = measurement()
                .foreignCpu(0.3)
                .loadSide(0.8, 0.2, 1)
                .stubOverheadMs(50.0)
                .build();

        assertThat(RULES.reasons(new ValidityRules.Evidence(m, true, true, 1, DELAY_MS, null, false)))
                .hasSize(5);
    }
}
