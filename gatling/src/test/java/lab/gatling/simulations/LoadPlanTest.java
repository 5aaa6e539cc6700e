package lab.gatling.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadPlanTest {

    @Test
    void aLadderRunsItsStepsBackToBackThenTheOpenStepAsASecondPopulation() {
        LoadPlan plan = LoadPlan.of(
                ConcurrencyLadderSimulation.class,
                LoadSettings.from(Map.of(
                        "ladder",
                        "50,100",
                        "rampSeconds",
                        "5",
                        "durationSeconds",
                        "30",
                        "openSeconds",
                        "20",
                        "rate",
                        "2500",
                        "settleSeconds",
                        "2")::get));

        assertThat(plan.steps())
                .containsExactly(
                        new LoadPlan.Step(LoadPlan.Model.CLOSED, 0, 50, 0, 5, 30, 0),
                        new LoadPlan.Step(LoadPlan.Model.CLOSED, 0, 100, 0, 5, 30, 35),
                        new LoadPlan.Step(LoadPlan.Model.OPEN, 1, 0, 2500, 5, 20, 0));
        assertThat(plan.populations()).isEqualTo(2);
        assertThat(plan.windowStartSeconds(plan.steps().get(1))).isEqualTo(35 + 5 + 2);
        assertThat(plan.steps().get(1).endSeconds()).isEqualTo(35 + 5 + 30);
        assertThat(plan.steps()).extracting(LoadPlan.Step::label).containsExactly("50 users", "100 users", "2500/s");
    }

    @Test
    void withoutALadderOrAnOpenStepItIsOneClosedStep() {
        LoadPlan plan = LoadPlan.of(StubDelaySimulation.class, LoadSettings.from(Map.of("users", "7")::get));

        assertThat(plan.steps()).containsExactly(new LoadPlan.Step(LoadPlan.Model.CLOSED, 0, 7, 0, 0, 30, 0));
        assertThat(plan.settleSeconds()).isEqualTo(1);
    }

    @Test
    void theArrivalRateSimulationIsOneOpenStepAndTheSpikeHasNoSteadyWindow() {
        LoadSettings settings = LoadSettings.from(Map.of("rate", "300", "rampSeconds", "3")::get);

        assertThat(LoadPlan.of(ArrivalRateSimulation.class, settings).steps())
                .containsExactly(new LoadPlan.Step(LoadPlan.Model.OPEN, 0, 0, 300, 3, 30, 0));
        assertThat(LoadPlan.of(SpikeSimulation.class, settings).steps()).isEmpty();
        assertThat(LoadPlan.of(String.class, settings).populations()).isZero();
    }

    @Test
    void theFirstBatchFollowsGatlingsOneSecondInjection() {
        assertThat(firstBatch(ConcurrencyLadderSimulation.class, Map.of("ladder", "50,100", "rampSeconds", "5")))
                .isEqualTo(new LoadPlan.FirstBatch(0, 10));
        assertThat(firstBatch(ConcurrencyLadderSimulation.class, Map.of("users", "300")))
                .isEqualTo(new LoadPlan.FirstBatch(0, 300));
        // 2 users over 5 s: 0.4 per second, so nobody until the end of the third second
        assertThat(firstBatch(ConcurrencyLadderSimulation.class, Map.of("ladder", "2,4", "rampSeconds", "5")))
                .isEqualTo(new LoadPlan.FirstBatch(2, 1));
        assertThat(firstBatch(ArrivalRateSimulation.class, Map.of("rate", "2500", "rampSeconds", "5")))
                .isEqualTo(new LoadPlan.FirstBatch(0, 250));
        assertThat(firstBatch(ArrivalRateSimulation.class, Map.of("rate", "40")))
                .isEqualTo(new LoadPlan.FirstBatch(0, 40));
        assertThat(new LoadPlan.FirstBatch(2, 75).plannedMillis(1)).isEqualTo(2013);
    }

    private static LoadPlan.FirstBatch firstBatch(Class<?> simulation, Map<String, String> settings) {
        return LoadPlan.of(simulation, LoadSettings.from(settings::get)).firstBatch(0);
    }
}
