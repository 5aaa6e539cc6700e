package lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import lab.runrecord.ScenarioSpec;
import org.junit.jupiter.api.Test;

class OverridesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Catalogue CATALOGUE = Catalogue.load(ROOT);

    private static ScenarioSpec entry(String name) {
        return CATALOGUE.resolve(name, ROOT);
    }

    private static final Overrides NONE =
            new Overrides(false, null, null, null, null, null, null, null, null, null, null, null, null);
    private static final Overrides QUICK =
            new Overrides(true, null, null, null, null, null, null, null, null, null, null, null, null);

    private static Overrides delayMs(int delay) {
        return new Overrides(false, null, null, delay, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void noOverridesLeaveTheEntryAsItIs() {
        for (ScenarioSpec s : CATALOGUE.entries()) {
            assertThat(NONE.apply(s)).as(s.name()).isEqualTo(s);
        }
    }

    @Test
    void quickTakesTheEntrysQuickValues() {
        ScenarioSpec q = QUICK.apply(entry("ladder"));

        assertThat(q.load().users()).containsExactly(200, 800, 3200);
        assertThat(q.load().stepSeconds()).isEqualTo(6);
        assertThat(q.load().openSeconds()).isEqualTo(6);
        assertThat(q.repeats()).isEqualTo(1);
        assertThat(q.warmup().maxSeconds()).isEqualTo(90);
        // the rest of the scenario and of the warm-up rule stays
        assertThat(q.load().openRate()).isEqualTo(3000);
        assertThat(q.load().rampSeconds()).isEqualTo(2);
        assertThat(q.warmup().users()).isEqualTo(800);
        assertThat(q.warmup().tolerance()).isEqualTo(0.1);
        assertThat(q.warmup().stableChunks()).isEqualTo(3);
        assertThat(q.request()).isEqualTo(entry("ladder").request());
    }

    @Test
    void quickOnAnOpenRunShortensTheRunAndKeepsItsPhases() {
        ScenarioSpec q = QUICK.apply(entry("slowdown"));

        assertThat(q.load().users()).isEmpty();
        assertThat(q.load().stepSeconds()).isEqualTo(50);
        // an open run is as long as its step
        assertThat(q.load().openSeconds()).isEqualTo(50);
        assertThat(q.phases()).isEqualTo(entry("slowdown").phases());
    }

    @Test
    void explicitValuesWinOverQuick() {
        Overrides mine = new Overrides(
                true, List.of("mvc", "webflux"), List.of(100, 400, 1600), null, 10, 1, 0, 2000, 8, 5000, 2, 100, 30);

        ScenarioSpec s = mine.apply(entry("ladder"));

        assertThat(s.variants()).containsExactly("mvc", "webflux");
        assertThat(s.load().users()).containsExactly(100, 400, 1600);
        assertThat(s.load().stepSeconds()).isEqualTo(10);
        assertThat(s.load().rampSeconds()).isEqualTo(1);
        assertThat(s.load().settleSeconds()).isZero();
        assertThat(s.load().openRate()).isEqualTo(2000);
        assertThat(s.load().openSeconds()).isEqualTo(8);
        assertThat(s.load().requestTimeoutMs()).isEqualTo(5000);
        assertThat(s.repeats()).isEqualTo(2);
        assertThat(s.warmup().users()).isEqualTo(100);
        assertThat(s.warmup().maxSeconds()).isEqualTo(30);
    }

    @Test
    void delayMsChangesTheDownstreamDelayAndKeepsTheOtherParameters() {
        ScenarioSpec s = delayMs(200).apply(entry("ladder"));

        assertThat(s.request().delayMs()).isEqualTo(200);
        assertThat(s.request().query()).containsEntry("bytes", 128);
        assertThat(entry("ladder").request().delayMs()).isEqualTo(100);
        assertThat(delayMs(50).apply(entry("fanout")).request().query())
                .containsEntry("delayMs", 50)
                .containsEntry("calls", 4);
    }

    @Test
    void c10kWarmsUpOnAShortDelayWhateverTheStepsDelay() {
        ScenarioSpec s = delayMs(5000).apply(entry("c10k"));

        assertThat(s.request().delayMs()).isEqualTo(5000);
        assertThat(s.warmup().query(s.request())).containsEntry("delayMs", 100).containsEntry("bytes", 128);
        assertThat(QUICK.apply(entry("c10k")).warmup().query()).containsEntry("delayMs", 100);
        assertThat(entry("ladder").warmup().query(entry("ladder").request()))
                .isEqualTo(entry("ladder").request().query());
    }

    @Test
    void delayMsOnAnEndpointWithoutADownstreamIsRefused() {
        assertThatThrownBy(() -> delayMs(200).apply(entry("cpu")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--delay-ms: /api/cpu (scenario cpu) calls no downstream, it has no delay");
    }

    @Test
    void anOverrideThatBreaksTheScenarioIsRefused() {
        // the slowdown's phase ends at 40 s
        Overrides short30 = new Overrides(false, null, null, null, 30, null, null, null, null, null, null, null, null);
        Overrides twoC10kSteps = new Overrides(
                false, null, List.of(1000, 2000), null, null, null, null, null, null, null, null, null, null);
        Overrides unknownVariant = new Overrides(
                false, List.of("mvc", "spring-mvc"), null, null, null, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> short30.apply(entry("slowdown")))
                .hasMessage("slowdown: phase 'slow downstream' ends after the run (stepSeconds)");
        assertThatThrownBy(() -> twoC10kSteps.apply(entry("c10k")))
                .hasMessageContaining("a c10k run needs exactly one load.users");
        assertThatThrownBy(() -> unknownVariant.apply(entry("ladder")))
                .hasMessageContaining("unknown variant 'spring-mvc'");
    }

    @Test
    void withUsersReplacesOnlyTheUsers() {
        ScenarioSpec c10k = entry("c10k");

        ScenarioSpec fitted = Overrides.withUsers(c10k, List.of(9700));

        assertThat(fitted.load().users()).containsExactly(9700);
        assertThat(fitted.load().stepSeconds()).isEqualTo(c10k.load().stepSeconds());
        assertThat(Overrides.withUsers(fitted, c10k.load().users())).isEqualTo(c10k);
    }
}
