package lab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import lab.runrecord.ScenarioSpec;
import lab.scenario.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class C10kFitTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Catalogue CATALOGUE = Catalogue.load(ROOT);

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void theReadmesFigure20000OpenFilesHold9700RequestsInFlight() {
        // (20,000 - 500) / 2 sockets = 9,750, rounded down to 9,700
        assertThat(C10kFit.fitting(20_000, 10_000)).isEqualTo(9700);
        assertThat(C10kFit.fitting(1024, 10_000)).isEqualTo(200);
        assertThat(C10kFit.fitting(1_048_576, 10_000)).isEqualTo(10_000);
    }

    @Test
    void anUnknownOrUnlimitedLimitAsksForNothingLess() {
        assertThat(C10kFit.fitting(0, 10_000)).isEqualTo(10_000);
        assertThat(C10kFit.fitting(-1, 10_000)).isEqualTo(10_000);
        assertThat(C10kFit.fitting(Long.MAX_VALUE, 10_000)).isEqualTo(10_000);
    }

    @ParameterizedTest
    @ValueSource(longs = {700, 1024, 4096, 20_000, 20_099, 20_100, 65_536})
    void whatFitsFitsTheLimit(long nofile) {
        int fits = C10kFit.fitting(nofile, 10_000);

        assertThat(fits % 100).isZero();
        assertThat((long) fits * C10kFit.APP_SOCKETS_PER_REQUEST + C10kFit.FD_RESERVE)
                .isLessThanOrEqualTo(nofile);
        // and nothing 100 larger would
        assertThat((long) (fits + 100) * C10kFit.APP_SOCKETS_PER_REQUEST + C10kFit.FD_RESERVE)
                .isGreaterThan(Math.min(nofile, 2L * 10_000 + C10kFit.FD_RESERVE));
    }

    @Test
    void aC10kRunThatDoesNotFitIsLoweredAndSaysSo() {
        ScenarioSpec c10k = CATALOGUE.resolve("c10k", ROOT);

        ScenarioSpec fitted = C10kFit.fit(c10k, 20_000, out);

        assertThat(fitted.load().users()).containsExactly(9700);
        assertThat(fitted.load().stepSeconds()).isEqualTo(c10k.load().stepSeconds());
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo("c10k: 9,700 in flight instead of 10,000: ulimit -n is 20000 and the app needs 2 sockets"
                        + " per request + 500; raise it with ulimit -n for the full figure" + System.lineSeparator());
    }

    @Test
    void aRunThatFitsOrIsNotC10kIsLeftAlone() {
        ScenarioSpec c10k = CATALOGUE.resolve("c10k", ROOT);
        ScenarioSpec ladder = CATALOGUE.resolve("ladder", ROOT);

        assertThat(C10kFit.fit(c10k, 1_048_576, out)).isSameAs(c10k);
        assertThat(C10kFit.fit(ladder, 1024, out)).isSameAs(ladder);
        assertThat(printed.size()).isZero();
    }
}
