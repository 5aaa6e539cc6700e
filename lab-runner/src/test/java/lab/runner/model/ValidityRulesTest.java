package lab.runner.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidityRulesTest {

    private final ValidityRules rules = ValidityRules.DEFAULTS;

    /** A healthy step: warm app, modest load-side CPU, fast stub, no errors. */
    private static StepEvidence healthy() {
        return new StepEvidence(true, true, false, 1, 1, 0.4, 0.2, 0.8, 3, 100, 150, Map.of(), 10_000, 0, 0.02);
    }

    private static StepEvidence with(
            double loadGen,
            double stub,
            double app,
            double stubOverhead,
            double inProgress,
            Map<String, Long> errors,
            boolean warmedUp,
            boolean failed) {
        return new StepEvidence(
                warmedUp,
                true,
                failed,
                1,
                1,
                loadGen,
                stub,
                app,
                stubOverhead,
                100,
                inProgress,
                errors,
                10_000,
                errors.values().stream().mapToLong(Long::longValue).sum(),
                0.02);
    }

    @Test
    void aHealthyStepIsValid() {
        assertThat(rules.judge(healthy())).isEqualTo(Verdict.VALID);
    }

    @Test
    void theFirstStepWithoutWarmUpIsCold() {
        Verdict v = rules.judge(with(0.4, 0.2, 0.8, 3, 150, Map.of(), false, false));
        assertThat(v.valid()).isFalse();
        assertThat(v.invalidReason()).contains("cold");
    }

    @Test
    void laterStepsOfAnUnwarmedAppAreNotCold() {
        StepEvidence e =
                new StepEvidence(false, false, false, 1, 1, 0.4, 0.2, 0.8, 3, 100, 150, Map.of(), 10_000, 0, 0);
        assertThat(rules.judge(e).valid()).isTrue();
    }

    @Test
    void aSaturatedLoadSideMakesTheStepInvalid() {
        Verdict v = rules.judge(with(0.75, 0.2, 0.8, 3, 150, Map.of(), true, false));
        assertThat(v.valid()).isFalse();
        assertThat(v.invalidReason()).contains("load side saturated").contains("Gatling 0.75");
    }

    @Test
    void aStubUsingMostOfWhatGatlingLeavesIsSaturated() {
        // Gatling 0.3 leaves 0.7; the stub takes 0.58 of it (over 80 %), the total stays under 90 %
        Verdict v = rules.judge(with(0.3, 0.58, 0.8, 3, 150, Map.of(), true, false));
        assertThat(v.valid()).isFalse();
        assertThat(v.invalidReason()).contains("stub saturated").doesNotContain("load side");
    }

    @Test
    void aSlowStubMakesTheStepInvalid() {
        Verdict v = rules.judge(with(0.4, 0.2, 0.8, 45, 150, Map.of(), true, false));
        assertThat(v.invalidReason()).contains("stub slow: 45 ms");
        assertThat(rules.judge(with(0.4, 0.2, 0.8, 15, 150, Map.of(), true, false))
                        .valid())
                .isTrue();
    }

    @Test
    void errorsOfTheLoadGeneratorsMachineAreTheLabsNotTheApps() {
        Verdict v = rules.judge(with(
                0.4, 0.2, 0.8, 3, 150, Map.of("j.n.BindException: Cannot assign requested address", 12L), true, false));
        assertThat(v.invalidReason()).contains("12 errors caused by the load generator");
    }

    @Test
    void appErrorsLeaveTheStepValid() {
        Verdict v = rules.judge(with(0.4, 0.2, 0.8, 3, 150, Map.of("status 503", 40L, "timeout", 3L), true, false));
        assertThat(v.valid()).isTrue();
    }

    @Test
    void connectErrorsWhileTheAppIsIdleBlameTheLoadGenerator() {
        Map<String, Long> errors = Map.of("connect timeout", 7L);
        assertThat(rules.judge(with(0.4, 0.2, 0.02, 3, 0, errors, true, false)).invalidReason())
                .contains("7 connect errors while the app was idle");
        // a busy app refusing connections is a finding, not a lab failure
        assertThat(rules.judge(with(0.4, 0.2, 0.9, 3, 200, errors, true, false)).valid())
                .isTrue();
    }

    @Test
    void otherProcessesOnTheAppsCpuMakeTheStepInvalid() {
        StepEvidence noisy =
                new StepEvidence(true, false, false, 1, 1, 0.4, 0.2, 0.6, 3, 100, 150, Map.of(), 10_000, 0, 0.3);
        assertThat(rules.judge(noisy).invalidReason())
                .contains("noisy machine: other processes used 0.30 of the app's 1 CPU");
    }

    @Test
    void aFailedLoadGeneratorIsInvalidAndReasonsAccumulate() {
        Verdict v = rules.judge(with(0.95, 0.0, 0.8, 60, 150, Map.of(), false, true));
        assertThat(v.invalidReason())
                .contains("load generator failed")
                .contains("cold")
                .contains("load side")
                .contains("stub slow")
                .contains("; ");
    }
}
