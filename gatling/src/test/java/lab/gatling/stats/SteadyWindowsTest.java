package lab.gatling.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.core.config.GatlingConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.gatling.simulations.LoadPlan;
import lab.gatling.simulations.LoadSettings;
import lab.gatling.simulations.StubDelaySimulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;

/**
 * Against a real ladder-then-open run recorded from a warm {@code LoadWorker} and the real stub
 * (see docs/gatling.md, "The test fixtures"): {@code StubDelaySimulation} with ladder 4,8 users,
 * a 2 s ramp before each 5 s step, then an open step at 40/s (2 s ramp from 1/s, 5 s), settle
 * time 1 s, {@code /delay?ms=100}.
 */
class SteadyWindowsTest {

    private static final String FIXTURE = "/fixtures/stub-ladder-open/simulation.log.bin";

    /** The settings the fixture was recorded with. */
    static final Map<String, String> RECORDED = Map.of(
            "ladder", "4,8",
            "rampSeconds", "2",
            "durationSeconds", "5",
            "openSeconds", "5",
            "rate", "40",
            "delayMs", "100",
            "settleSeconds", "1");

    private static final int OPEN_RATE = 40;
    /** Little's law within 5 %: the fixture was recorded on a shared, busy machine (load average 24 on 2 cores). */
    private static final double LITTLE_MARGIN = 0.05;

    private static final double MILLIS_PER_SECOND = 1000.0;
    /** How late a planned user may start in a warm worker: a scheduled task on a busy event loop. */
    private static final long ON_TIME_MS = 20;

    @TempDir
    static Path runDir;

    private static Path log;
    private static LoadPlan plan;
    private static List<WindowStats> windows;
    private static Records records;

    @BeforeAll
    static void readFixture() throws IOException {
        log = runDir.resolve(GatlingStatsReader.SIMULATION_LOG);
        try (InputStream fixture = SteadyWindowsTest.class.getResourceAsStream(FIXTURE)) {
            Files.copy(fixture, log);
        }
        plan = LoadPlan.of(StubDelaySimulation.class, LoadSettings.from(RECORDED::get));
        windows = SteadyWindows.read(runDir, plan);
        records = new Records();
        SimulationLog.read(log, records);
    }

    @Test
    void everyRecordIsReadAsGatlingsOwnReportReaderReadsIt() {
        LogFileData gatling = new LogFileReader(log.toFile(), GatlingConfiguration.load()).read();

        for (String name : List.of("delay", "delay open")) {
            GeneralStats stats = gatling.requestGeneralStats(Option.apply(name), Option.empty(), Option.empty())
                    .get();
            List<Request> ours =
                    records.requests.stream().filter(r -> r.name.equals(name)).toList();
            assertThat(ours).hasSize((int) stats.count());
            assertThat(ours.stream().mapToLong(Request::responseTime).max().orElseThrow())
                    .isEqualTo((long) stats.max());
            assertThat(ours.stream().mapToLong(Request::responseTime).average().orElseThrow())
                    .isCloseTo(stats.mean(), offset(1.0)); // Gatling rounds its mean to whole ms
        }
        assertThat(records.scenarios).containsExactly("delay", "delay open");
    }

    @Test
    void oneWindowPerStepInPlanOrderLadderThenOpen() {
        assertThat(windows).extracting(WindowStats::step).containsExactlyElementsOf(plan.steps());
        assertThat(windows).extracting(window -> window.step().label()).containsExactly("4 users", "8 users", "40/s");
        assertThat(windows).allMatch(WindowStats::complete);
        assertThat(windows)
                .allMatch(window -> window.ko() == 0 && window.errors().isEmpty());
    }

    @Test
    void eachWindowRunsFromItsRampsEndPlusSettleToTheEndOfItsStep() {
        long ladderStart = windows.get(0).start().toEpochMilli() - (2 + 1) * 1000L;
        long openStart = windows.get(2).start().toEpochMilli() - (2 + 1) * 1000L;

        assertWindow(windows.get(0), ladderStart, 2 + 1, 2 + 5);
        assertWindow(windows.get(1), ladderStart, 7 + 2 + 1, 7 + 2 + 5);
        assertWindow(windows.get(2), openStart, 2 + 1, 2 + 5);
        // the open step started after the ladder's last answer, as andThen promises
        assertThat(openStart).isGreaterThan(records.lastRequestEnd("delay"));
    }

    private static void assertWindow(WindowStats window, long populationStart, int fromSeconds, int toSeconds) {
        assertThat(window.start().toEpochMilli() - populationStart).isEqualTo(fromSeconds * 1000L);
        assertThat(window.end().toEpochMilli() - populationStart).isEqualTo(toSeconds * 1000L);
    }

    @Test
    void thePlannedFirstBatchIsWhatGatlingStarted() {
        long ladderStart = windows.get(0).start().toEpochMilli() - (2 + 1) * 1000L;
        long openStart = windows.get(2).start().toEpochMilli() - (2 + 1) * 1000L;
        LoadPlan.FirstBatch open = plan.firstBatch(1);
        long[] openStarts = records.starts(1).toArray();

        // a ramp from 1/s to 40/s over 2 s: 10 users in the first second, 100 ms apart
        assertThat(open).isEqualTo(new LoadPlan.FirstBatch(0, 10));
        assertThat(Arrays.stream(openStarts).filter(t -> t >= openStart && t < openStart + 1000))
                .hasSize(open.users());
        for (int k = 0; k < open.users(); k++) {
            assertThat(openStarts[k] - openStart).isBetween(open.plannedMillis(k), open.plannedMillis(k) + ON_TIME_MS);
        }
        // the ladder's first user starts its population
        assertThat(records.starts(0).findFirst().orElseThrow() - ladderStart).isBetween(0L, ON_TIME_MS);
    }

    @Test
    void aLateFirstUserDoesNotShiftThePopulation() {
        // an open step of 75 users in its first second whose event loop was busy for 68 ms (measured)
        LoadPlan.FirstBatch batch = new LoadPlan.FirstBatch(0, 75);
        List<Long> starts = new ArrayList<>(List.of(1068L, 1068L, 1068L, 1069L, 1069L, 1069L));
        for (int k = 6; k < 75; k++) {
            starts.add(1000 + batch.plannedMillis(k));
        }

        assertThat(SteadyWindows.populationStart(starts, Long.MAX_VALUE, batch)).isEqualTo(1000);
        // in the closed model, starts after the first response may be replacements: they do not count
        assertThat(SteadyWindows.populationStart(starts, 1069, batch)).isEqualTo(1068 - 26);
        // a closed ramp slower than one user per second starts its first user seconds later
        assertThat(SteadyWindows.populationStart(List.of(4000L), Long.MAX_VALUE, new LoadPlan.FirstBatch(2, 1)))
                .isEqualTo(2000);
    }

    @Test
    void throughputIsTheRequestsSentInTheWindowOverItsSeconds() {
        for (WindowStats window : windows) {
            long from = window.start().toEpochMilli();
            long to = window.end().toEpochMilli();
            List<Request> sent = records.sentBetween(from, to);
            double seconds = (to - from) / MILLIS_PER_SECOND;

            assertThat(window.requests()).isEqualTo(sent.size()).isPositive();
            assertThat(window.ok()).isEqualTo(sent.stream().filter(Request::ok).count());
            assertThat(window.throughputRps()).isCloseTo(sent.size() / seconds, offset(1e-9));
            long okReceived = records.requests.stream()
                    .filter(r -> r.ok && r.end >= from && r.end < to)
                    .count();
            assertThat(window.achievedRps()).isCloseTo(okReceived / seconds, offset(1e-9));
        }
    }

    @Test
    void steadyClosedWindowsFollowLittlesLawWhereTheWholeStepWithItsRampWouldNot() {
        for (WindowStats window : windows.subList(0, 2)) {
            int users = window.step().users();
            double littlesLaw = users / (window.latency().meanMs() / MILLIS_PER_SECOND);
            // closed model, no think time: throughput = users / latency, which checks the measurement itself
            assertThat(window.throughputRps()).isCloseTo(littlesLaw, withPercentage(LITTLE_MARGIN * 100));

            long population = windows.getFirst().start().toEpochMilli() - (2 + 1) * 1000L;
            long stepStart = population + window.step().startSeconds() * 1000L;
            long stepEnd = population + window.step().endSeconds() * 1000L;
            List<Request> wholeStep = records.sentBetween(stepStart, stepEnd);
            double wholeStepRps = wholeStep.size() / ((stepEnd - stepStart) / MILLIS_PER_SECOND);
            double wholeStepLittle = users
                    / (wholeStep.stream()
                                    .mapToLong(Request::responseTime)
                                    .average()
                                    .orElseThrow()
                            / MILLIS_PER_SECOND);
            // with its ramp, the step would fail the same check: the ramp's lower concurrency drags it down
            assertThat(wholeStepRps).isLessThan(wholeStepLittle * (1 - LITTLE_MARGIN));
            assertThat(wholeStepRps).isLessThan(window.throughputRps() * (1 - LITTLE_MARGIN));
        }
    }

    @Test
    void theOpenWindowOffersTheRateAndTheStubKeepsUp() {
        WindowStats open = windows.get(2);

        // Gatling starts exactly `rate` users per second of the schedule
        assertThat(open.offeredRps()).isCloseTo(OPEN_RATE, withPercentage(3));
        assertThat(open.throughputRps()).isCloseTo(open.offeredRps(), withPercentage(1));
        assertThat(open.achievedRps()).isCloseTo(OPEN_RATE, withPercentage(3));
        long usersStarted = records.starts.stream()
                .filter(start -> start[0] == 1
                        && start[1] >= open.start().toEpochMilli()
                        && start[1] < open.end().toEpochMilli())
                .count();
        assertThat(open.offeredRps())
                .isCloseTo(usersStarted / (open.duration().toMillis() / MILLIS_PER_SECOND), offset(1e-9));
    }

    @Test
    void latencyIsTheExactNearestRankOfTheWindowsRequests() {
        for (WindowStats window : windows) {
            long[] sorted = records
                    .sentBetween(window.start().toEpochMilli(), window.end().toEpochMilli())
                    .stream()
                    .mapToLong(Request::responseTime)
                    .sorted()
                    .toArray();
            WindowStats.Latency latency = window.latency();

            assertThat(latency.p50Ms()).isEqualTo(sorted[(int) Math.ceil(0.50 * sorted.length) - 1]);
            assertThat(latency.p99Ms()).isEqualTo(sorted[(int) Math.ceil(0.99 * sorted.length) - 1]);
            assertThat(latency.maxMs()).isEqualTo(sorted[sorted.length - 1]);
            assertThat(latency.meanMs())
                    .isCloseTo(Arrays.stream(sorted).average().orElseThrow(), offset(1e-9));
            assertThat(latency.p50Ms()).isBetween(100L, latency.p90Ms());
            assertThat(latency.p90Ms()).isLessThanOrEqualTo(latency.p95Ms());
            assertThat(latency.p95Ms()).isLessThanOrEqualTo(latency.p99Ms());
            assertThat(latency.p99Ms()).isLessThanOrEqualTo(latency.p999Ms());
            assertThat(latency.p999Ms()).isLessThanOrEqualTo(latency.maxMs());
        }
    }

    @Test
    void aLongerSettleTimeShortensEveryWindowFromTheStartOnly() {
        Map<String, String> settings = new HashMap<>(RECORDED);
        settings.put("settleSeconds", "2");
        List<WindowStats> later =
                SteadyWindows.read(log, LoadPlan.of(StubDelaySimulation.class, LoadSettings.from(settings::get)));

        for (int i = 0; i < windows.size(); i++) {
            assertThat(later.get(i).start()).isEqualTo(windows.get(i).start().plusSeconds(1));
            assertThat(later.get(i).end()).isEqualTo(windows.get(i).end());
            assertThat(later.get(i).requests()).isLessThan(windows.get(i).requests());
        }
    }

    @Test
    void windowsThatCannotBeMeasuredSayIncomplete() {
        Map<String, String> settings = new HashMap<>(RECORDED);
        settings.put("settleSeconds", "5");
        List<WindowStats> empty =
                SteadyWindows.read(log, LoadPlan.of(StubDelaySimulation.class, LoadSettings.from(settings::get)));
        // a third population that never started
        LoadPlan neverRan = new LoadPlan(List.of(new LoadPlan.Step(LoadPlan.Model.OPEN, 2, 0, OPEN_RATE, 0, 5, 0)), 1);

        assertThat(empty).noneMatch(WindowStats::complete).allMatch(window -> window.requests() == 0);
        assertThat(empty)
                .allMatch(window ->
                        window.throughputRps() == 0 && window.duration().isZero());
        WindowStats missing = SteadyWindows.read(log, neverRan).getFirst();
        assertThat(missing.complete()).isFalse();
        assertThat(missing.requests()).isZero();
    }

    @Test
    void aFolderWithoutALogIsRejectedWithItsName(@TempDir Path empty) {
        assertThatThrownBy(() -> SteadyWindows.read(empty, plan))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(empty.toString());
    }

    private record Request(String name, long start, long end, boolean ok) {
        long responseTime() {
            return end - start;
        }
    }

    /** Every record of the fixture, kept as is, for counts made independently of the reader. */
    private static final class Records implements SimulationLog.Visitor {

        private final List<Request> requests = new ArrayList<>();
        /** {scenario, timestamp} of every user start. */
        private final List<long[]> starts = new ArrayList<>();

        private List<String> scenarios;

        @Override
        public void run(long runStart, List<String> names) {
            scenarios = names;
        }

        @Override
        public void user(int scenario, boolean start, long timestamp) {
            if (start) {
                starts.add(new long[] {scenario, timestamp});
            }
        }

        @Override
        public void request(String name, long start, long end, boolean ok, String message) {
            requests.add(new Request(name, start, end, ok));
        }

        java.util.stream.LongStream starts(int scenario) {
            return starts.stream()
                    .filter(start -> start[0] == scenario)
                    .mapToLong(start -> start[1])
                    .sorted();
        }

        long lastRequestEnd(String name) {
            return requests.stream()
                    .filter(r -> r.name.equals(name))
                    .mapToLong(Request::end)
                    .max()
                    .orElseThrow();
        }

        List<Request> sentBetween(long from, long to) {
            return requests.stream()
                    .filter(r -> r.start >= from && r.start < to)
                    .toList();
        }
    }
}
