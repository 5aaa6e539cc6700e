package lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of {@link ScenarioCheck}, broken once in a copy of a real catalogue entry. */
class ScenarioCheckTest {

    private static final Path FOLDER =
            Path.of("..").toAbsolutePath().normalize().resolve(Catalogue.FOLDER);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ladder     | name: ladder                     | name: Ladder Run                    | name must be lower-case words joined by '-'",
                "ladder     | 'title: Closed ladder on /api/io, then an open-model step' | 'title: '''''   | title is missing",
                "ladder     | repeats: 3                       | repeats: 0                          | repeats must be at least 1",
                "ladder     | endpoint: /api/io                | endpoint: /api/nope                 | request.endpoint must be one of [/api/blocking-io, /api/cpu, /api/fanout, /api/io, /api/offloaded-io]",
                "ladder     | 'query: {delayMs: 100, bytes: 128}' | 'query: {delayMs: 100, calls: 4}' | request.query.calls is not a parameter of /api/io",
                "ladder     | 'query: {delayMs: 100, bytes: 128}' | 'query: {delayMs: -5, bytes: 128}' | request.query.delayMs must be >= 0",
                "ladder     | 'variants: [mvc, mvc-vt, webflux]' | 'variants: [mvc, quarkus]'         | variants: unknown variant 'quarkus'; known: mvc, mvc-vt, webflux, mvc-10k",
                "ladder     | 'variants: [mvc, mvc-vt, webflux]' | 'variants: []'                    | variants is empty",
                "ladder     | kind: ladder                     | kind: soak                          | load.kind must be one of [c10k, coldstart, ladder, open]",
                "ladder     | 'users: [50, 200, 800, 1600, 3200]' | 'users: []'                 | a ladder needs load.users",
                "ladder     | 'users: [50, 200, 800, 1600, 3200]' | 'users: [50, 0, 400]'       | load.users must be positive",
                "ladder     | requestTimeoutMs: 10000          | requestTimeoutMs: 50                | load.requestTimeoutMs must be at least 100",
                "ladder     | rampSeconds: 2                   | rampSeconds: -1                     | load.rampSeconds and settleSeconds must be >= 0",
                "ladder     | openSeconds: 8                   | openSeconds: 0                      | load.openSeconds must be at least 1 with an open-model rate",
                "ladder     | model: littles-law               | model: guess                        | prediction.model must be one of [c10k, coldstart, cpu, event-loop-blocking, littles-law, pool, slowdown]",
                "ladder     | stableChunks: 3                  | stableChunks: 1                     | warmup needs users >= 1, chunkSeconds >= 1, stableChunks >= 2, 0 < tolerance < 1, maxSeconds >= 0",
                "ladder     | tolerance: 0.1                   | tolerance: 1.5                      | warmup needs",
                "ladder     | 'quick: {users: [200, 800, 3200]' | 'quick: {users: [200, -800, 3200]' | quick needs stepSeconds >= 1, repeats >= 1 and positive users",
                "cpu        | stepSeconds: 10                  | stepSeconds: 0                      | load.stepSeconds must be at least 1",
                "c10k       | 'users: [10000]'                 | 'users: [5000, 10000]'              | a c10k run needs exactly one load.users",
                "c10k       | 'query: {delayMs: 100}'          | 'query: {rounds: 100}'              | warmup.query may only change the request's own parameters [bytes, delayMs]",
                "coldstart  | 'users: [800]'                   | 'users: []'                         | a coldstart run needs exactly one load.users",
                "slowdown   | openRate: 400                    | openRate: 0                         | an open run needs load.openRate >= 1",
                "slowdown   | 'atSecond: 20, seconds: 20'      | 'atSecond: 60, seconds: 20'         | phase 'slow downstream' ends after the run (stepSeconds)",
                "slowdown   | 'atSecond: 20, seconds: 20'      | 'atSecond: 20, seconds: 0'          | phase 'slow downstream' needs atSecond >= 0 and seconds >= 1",
            })
    void aBrokenRuleIsRefusedNamingTheFileAndTheProblem(String entry, String from, String to, String problem)
            throws IOException {
        String text = Files.readString(FOLDER.resolve(entry + ".yaml"));
        assertThat(text).contains(from);
        Path file = dir.resolve(entry + ".yaml");
        Files.writeString(file, text.replace(from, to));

        assertThatThrownBy(() -> Catalogue.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(problem);
    }
}
