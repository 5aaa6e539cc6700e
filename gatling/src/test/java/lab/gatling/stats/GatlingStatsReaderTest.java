package lab.gatling.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import lab.gatling.fixture.FixtureRecordingSimulation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real run recorded from the real stub: 4 users, each 25 successes then one 503, one
 * 502, one reset, one close, one 300 ms timeout and one refused connection (see
 * FixtureRecordingSimulation and docs/gatling.md).
 */
class GatlingStatsReaderTest {

    /** Gatling's simulation.log under another name: the repository ignores *.log files. */
    private static final String FIXTURE = "/fixtures/stub-mixed-failures/simulation.log.bin";

    private static final int USERS = FixtureRecordingSimulation.USERS;
    private static final long SUCCESSES = (long) FixtureRecordingSimulation.SUCCESSES_PER_USER * USERS;
    /** 503, 502, reset, close, timeout, refused. */
    private static final long FAILURES_PER_USER = 6;

    @TempDir
    Path runDir;

    @BeforeEach
    void copyFixture() throws IOException {
        try (InputStream log = getClass().getResourceAsStream(FIXTURE)) {
            Files.copy(log, runDir.resolve(GatlingStatsReader.SIMULATION_LOG));
        }
    }

    @Test
    void countsEveryRequestAsOkOrKo() {
        StepStats stats = GatlingStatsReader.read(runDir);

        assertThat(stats.ok()).isEqualTo(SUCCESSES);
        assertThat(stats.ko()).isEqualTo(FAILURES_PER_USER * USERS);
        assertThat(stats.koPercent()).isCloseTo(100.0 * stats.ko() / (SUCCESSES + stats.ko()), offset(0.01));
    }

    @Test
    void classifiesEachKindOfFailure() {
        StepStats stats = GatlingStatsReader.read(runDir);

        // Reactor Netty's reset and close both reach Gatling as a premature close
        assertThat(stats.errors())
                .containsOnly(
                        entry("premature close", 2L * USERS),
                        entry("connect refused", (long) USERS),
                        entry("timeout", (long) USERS),
                        entry("status 503", (long) USERS),
                        entry("status 502", (long) USERS));
        assertThat(stats.errors().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(stats.ko());
        assertThat(stats.errors().keySet()).first().isEqualTo("premature close");
    }

    @Test
    void latencyFiguresAreOrderedAndWithinTheRecordedRange() {
        StepStats stats = GatlingStatsReader.read(runDir);

        assertThat(stats.p50Ms()).isPositive();
        assertThat(stats.p50Ms()).isLessThanOrEqualTo(stats.p95Ms());
        assertThat(stats.p95Ms()).isLessThanOrEqualTo(stats.p99Ms());
        assertThat(stats.p99Ms()).isLessThanOrEqualTo(stats.maxMs());
        // the stub answered the successes after 20 ms; the slowest request is the 300 ms timeout
        assertThat(stats.p50Ms()).isBetween(20L, 100L);
        assertThat(stats.maxMs()).isBetween(300L, 400L);
        assertThat(stats.meanMs()).isBetween((double) stats.p50Ms(), (double) stats.maxMs());
    }

    @Test
    void throughputIsRequestsOverTheMeasuredDuration() {
        StepStats stats = GatlingStatsReader.read(runDir);

        assertThat(stats.end()).isAfter(stats.start());
        double seconds = stats.duration().toMillis() / 1000.0;
        assertThat(stats.throughputRps()).isCloseTo(stats.requests() / seconds, withPercentage(0.1));
    }

    @Test
    void savedSummaryReadsBackEqualToTheDecodedStats() {
        StepStats decoded = GatlingStatsReader.decodeAndSave(runDir);

        assertThat(runDir.resolve(GatlingStatsReader.SUMMARY_FILE)).isRegularFile();
        assertThat(GatlingStatsReader.read(runDir)).isEqualTo(decoded);
    }

    @Test
    void readPrefersTheSavedSummary() throws IOException {
        GatlingStatsReader.decodeAndSave(runDir);
        Files.delete(runDir.resolve(GatlingStatsReader.SIMULATION_LOG));

        assertThat(GatlingStatsReader.read(runDir).ok()).isEqualTo(SUCCESSES);
    }

    @Test
    void aFolderWithoutARunIsRejectedWithItsName(@TempDir Path empty) {
        assertThatThrownBy(() -> GatlingStatsReader.read(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(empty.toString());
    }

    @Test
    void latestRunIsTheFolderWithTheNewestSimulationLog(@TempDir Path results) throws IOException {
        Path older = Files.createDirectories(results.resolve("concurrencyladdersimulation-1"));
        Path newer = Files.createDirectories(results.resolve("concurrencyladdersimulation-2"));
        Files.createDirectories(results.resolve("no-log-here"));
        Files.writeString(older.resolve(GatlingStatsReader.SIMULATION_LOG), "");
        Files.writeString(newer.resolve(GatlingStatsReader.SIMULATION_LOG), "");
        Instant now = Instant.now();
        Files.setLastModifiedTime(
                older.resolve(GatlingStatsReader.SIMULATION_LOG), FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(newer.resolve(GatlingStatsReader.SIMULATION_LOG), FileTime.from(now));

        assertThat(GatlingStatsReader.latestRun(results)).contains(newer);
        assertThat(GatlingStatsReader.latestRun(results.resolve("missing"))).isEmpty();
    }
}
