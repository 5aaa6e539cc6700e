package lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.runrecord.ResultsFixtures;
import lab.runrecord.RunResults;
import lab.runrecord.StepRun.Bottleneck.Cause;
import org.junit.jupiter.api.Test;

/** The generated reading: what it says from the numbers, and what it refuses to say. */
class NarrativeTest {

    private static Narrative.Reading read(RunResults run) {
        return new Narrative(run, ReportThresholds.DEFAULTS).read();
    }

    private static String lineAbout(List<String> lines, String prefix) {
        return lines.stream()
                .filter(line -> line.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in " + lines));
    }

    private static final Narrative.Reading LADDER = read(Fixtures.run(Fixtures.LADDER));

    @Test
    void mvcsCeilingIsItsThreadPoolReachedAt200Users() {
        // Plateau from 200 users (1,880 -> 1,902 rps while users doubled); best valid median 1,905.
        assertThat(lineAbout(LADDER.findings(), "mvc reached"))
                .contains("ceiling of 1,905 rps (1,899–1,912 over 3 repeats) at 200 users")
                .contains("bottleneck there: its thread pool (200 of 200 threads busy)")
                .contains("the model predicted 1,887 rps (threads)");
    }

    @Test
    void webfluxsCeilingIsCpuAndComparedWithTheFirstVariant() {
        // 8,480 / 1,905 = 4.45, ranges 8,420–8,530 and 1,899–1,912 far apart; the invalid 3,200-user step is ignored.
        assertThat(lineAbout(LADDER.findings(), "webflux reached"))
                .contains("ceiling of 8,480 rps (8,420–8,530 over 3 repeats) at 1,600 users", "4.5× mvc")
                .contains("bottleneck there: CPU (0.95 of 1 CPU)");
    }

    @Test
    void latencyPastTheCeilingIsComparedWithUsersOverThroughput() {
        assertThat(lineAbout(LADDER.findings(), "Beyond it mvc's"))
                .contains("at 3,200 users p50 was 1.69 s (3,200 / 1,903 rps = 1.68 s) and p99 1.80 s")
                .doesNotContain("fallen");
    }

    @Test
    void aThroughputThatFallsPastTheCeilingIsNamedAndUsedForTheLatency() {
        RunResults run = ResultsFixtures.run("ladder", "ladder", "littles-law")
                .users(100, 400, 800, 1600)
                .variant(
                        "vt",
                        "virtual-threads",
                        v -> v.step(100, s -> s.rps(980))
                                .step(400, s -> s.rps(3900))
                                .step(800, s -> s.rps(4000))
                                .step(1600, s -> s.rps(2000).p50(790)))
                .build();

        assertThat(lineAbout(read(run).findings(), "Beyond it vt's"))
                .contains("at 1,600 users p50 was 790 ms (1,600 / 2,000 rps = 800 ms)")
                .contains("Its throughput there had fallen to 2,000 rps, 50 % of its ceiling.");
    }

    @Test
    void queueingInvisibleToTheServerTimerIsCalledOut() {
        assertThat(lineAbout(LADDER.findings(), "At 3,200 users mvc's own timer"))
                .contains("saw a p99 of 131 ms while Gatling saw 1.80 s");
    }

    @Test
    void invalidStepsAreWarningsNotFindings() {
        assertThat(LADDER.warnings())
                .containsExactly("webflux at 3,200 users is not trustworthy and is left out of the reading: "
                        + "load generator saturated: Gatling used 0.99 of its 1 CPU (limit 0.95)");
        assertThat(LADDER.findings()).noneMatch(line -> line.contains("8,300"));
    }

    @Test
    void anInvalidStepNeverSetsACeilingHoweverHighItIs() {
        RunResults run = ResultsFixtures.run("ladder", "ladder", "littles-law")
                .users(100, 200, 400, 800)
                .variant(
                        "a",
                        "event-loop",
                        v -> v.step(100, s -> s.rps(980))
                                .step(200, s -> s.rps(1960))
                                .step(400, s -> s.rps(2000))
                                .step(800, s -> s.rps(9000).invalid("load side saturated")))
                .build();

        Narrative.Reading reading = read(run);

        // 1,960 at 200 users is within 5 % of the 2,000 at 400: the ceiling is reached there
        assertThat(lineAbout(reading.findings(), "a reached")).contains("ceiling of 2,000 rps at 200 users");
        assertThat(reading.findings()).noneMatch(line -> line.contains("9,000"));
        assertThat(reading.warnings()).singleElement().asString().contains("a at 800 users", "load side saturated");
    }

    /** Two variants whose min–max ranges overlap at their ceilings: the reading says so instead of a ratio. */
    @Test
    void aDifferenceWithinTheSpreadIsCalledNoise() {
        RunResults run = twoCeilings(new double[] {1000, 900, 1100}, new double[] {1050, 1000, 1150});

        String b = lineAbout(read(run).findings(), "b reached");

        assertThat(b).contains("within noise of a (1,000–1,150 vs 900–1,100)").doesNotContain("×");
    }

    @Test
    void aDifferenceLargerThanTheSpreadIsStated() {
        RunResults run = twoCeilings(new double[] {1000, 990, 1010}, new double[] {1200, 1190, 1210});

        assertThat(lineAbout(read(run).findings(), "b reached"))
                .contains("1.2× a")
                .doesNotContain("noise");
    }

    /** With one repeat the per-second dispersion inside the window is the noise band. */
    @Test
    void withOneRepeatThePerSecondDispersionDecides() {
        assertThat(lineAbout(read(twoCeilings(0.15)).findings(), "b reached")).contains("within noise of a");
        assertThat(lineAbout(read(twoCeilings(0.01)).findings(), "b reached")).contains("1.2× a");
    }

    private static RunResults twoCeilings(double[] a, double[] b) {
        return ResultsFixtures.run("ladder", "ladder", "littles-law")
                .users(100, 200, 400)
                .repeats(3)
                .variant(
                        "a",
                        "thread-per-request",
                        v -> v.step(100, s -> s.rps(980, 970, 990))
                                .step(200, s -> s.rps(a))
                                .step(400, s -> s.rps(a)))
                .variant(
                        "b",
                        "event-loop",
                        v -> v.step(100, s -> s.rps(985, 975, 995))
                                .step(200, s -> s.rps(b))
                                .step(400, s -> s.rps(b)))
                .build();
    }

    private static RunResults twoCeilings(double cv) {
        return ResultsFixtures.run("ladder", "ladder", "littles-law")
                .users(100, 200, 400)
                .variant(
                        "a",
                        "thread-per-request",
                        v -> v.step(100, s -> s.rps(980).cv(cv))
                                .step(200, s -> s.rps(1000).cv(cv))
                                .step(400, s -> s.rps(1000).cv(cv)))
                .variant(
                        "b",
                        "event-loop",
                        v -> v.step(100, s -> s.rps(985).cv(cv))
                                .step(200, s -> s.rps(1200).cv(cv))
                                .step(400, s -> s.rps(1200).cv(cv)))
                .build();
    }

    @Test
    void everyVariantIsComparedWithItsModel() {
        assertThat(lineAbout(LADDER.findings(), "mvc matched its model"))
                .contains("within ±15 % at every valid step (measured / predicted 0.94–1.01)");

        RunResults run = ResultsFixtures.run("ladder", "ladder", "littles-law")
                .users(100, 1600)
                .variant(
                        "a",
                        "virtual-threads",
                        v -> v.cpuMs(0.2)
                                .step(100, s -> s.rps(990))
                                .step(
                                        1600,
                                        s -> s.rps(2500)
                                                .bottleneck(Cause.HEAP, "live heap 0.93 of max after GC", 0.93)))
                .build();
        assertThat(lineAbout(read(run).findings(), "a fell short"))
                .contains(
                        "at 1,600 users (0.50 of 5,000 rps, basis cpu; bottleneck: the heap (live heap 0.93 of max after GC))")
                .contains("it matched it within ±15 % at the other 1 step");
    }

    @Test
    void theBottlenecksOfEachVariantAreSummedUpStepByStep() {
        assertThat(lineAbout(LADDER.findings(), "Bottlenecks of mvc:"))
                .isEqualTo(
                        "Bottlenecks of mvc: the load itself at 50–100 users (asked for 1000 rps); its thread pool at "
                                + "200–3,200 users (200 of 200 threads busy); its thread pool in the open model at 3,000 req/s (200 of "
                                + "200 threads busy).");
    }

    @Test
    void underPodLimitsTheReadingNamesTheLimitThatBoundEachVariant() {
        Narrative.Reading reading = read(Fixtures.run(Fixtures.LIMITS));

        assertThat(lineAbout(reading.findings(), "Under the pod limits"))
                .startsWith("Under the pod limits (tight: 500m CPU, 448Mi memory (cgroup-v2))")
                .contains("mvc: threads (200 of 200 threads busy at 1,600 users)")
                .contains("mvc-vt: memory (OOM-killed by the 448Mi limit at 1,600 users")
                .contains("webflux: the CPU quota (throttled 55.0 % of periods at 1,600 users)");
        assertThat(lineAbout(reading.findings(), "mvc-vt stopped early"))
                .isEqualTo(
                        "mvc-vt stopped early: OOM-killed by the 448Mi limit at 1,600 users (memory.events oom_kill 1).");
    }

    @Test
    void limitsThatWereOnlyEmulatedAreAWarning() {
        RunResults run = ResultsFixtures.run("ladder", "ladder", "littles-law")
                .limits("tight", 500, 448L * 1024 * 1024, "emulated", false)
                .variant("a", "event-loop", v -> v.step(50, s -> s.rps(490)).step(100, s -> s.rps(980)))
                .build();

        assertThat(read(run).warnings())
                .anyMatch(line ->
                        line.startsWith("The pod limits (tight: 500m CPU, 448Mi memory (emulated), NOT enforced)")
                                && line.endsWith("CPU throttling and OOM kills were not measured."));
    }

    @Test
    void aSlowdownIsReadPhaseByPhaseWithTheRunnersQueueAndRecovery() {
        List<String> findings = read(Fixtures.run(Fixtures.SLOWDOWN)).findings();

        // the runner saw the phase from 20.4 s to 40.6 s of mvc's window (planned: 20 s for 20 s)
        assertThat(lineAbout(findings, "During 'slow downstream' (downstream +900 ms from 20.4 s for 20.2 s) mvc"))
                .contains("achieved 200 rps of 1,000 req/s offered (before: 1,000 rps)")
                .contains("up to 15,400 requests in flight (the model's queue: 16,020)")
                .contains("200 busy threads")
                .contains("(the model: 200 threads / 1.006 s = 199 rps)")
                .endsWith("its p99 was back within 1.5× its baseline (110 ms) 6 s after the phase ended "
                        + "(the model: 8 s).");
        assertThat(lineAbout(findings, "During 'slow downstream' (downstream +900 ms from 20.2 s for 20.1 s) webflux"))
                .contains("achieved 1,000 rps")
                .endsWith(
                        "it kept its rate; its p99 was within 1.5× its baseline (110 ms) as soon as the phase ended.");
    }

    @Test
    void withoutTheRunnersAccountTheRecoveryIsReadFromTheRate() {
        RunResults run = ResultsFixtures.run("slowdown", "open", "slowdown")
                .users()
                .openRate(1000)
                .phase("slow downstream", 20, 20, 900)
                .variant(
                        "mvc",
                        "thread-per-request",
                        v -> v.maxThreads(200).open(1000, s -> s.rps(700).series(60, t -> slowPoint(t))))
                .build();

        assertThat(lineAbout(
                        read(run).findings(), "During 'slow downstream' (downstream +900 ms from 20 s for 20 s) mvc"))
                .endsWith("it was back within 10 % of its earlier rate 4 s after the phase ended.");
    }

    /** 1,000 rps, 200 rps while the phase lasts (20–40 s), a catch-up at 1,400 rps for 6 s, then 1,000 again. */
    private static lab.runrecord.Measurement.SecondPoint slowPoint(int t) {
        double rps = t >= 20 && t < 40 ? 200 : t >= 40 && t < 46 ? 1400 : 1000;
        return new lab.runrecord.Measurement.SecondPoint(
                t, 1000.0, rps, 100.0, 120.0, 0L, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void aColdStartSaysHowLongEachModelTookToServeAtFullSpeed() {
        List<String> findings = read(Fixtures.run(Fixtures.COLDSTART)).findings();

        // the runner's own figures (10 s, 5 s) win over the same rule applied to the series here (9 s, 4 s)
        assertThat(lineAbout(findings, "mvc was ready 4.2 s after start"))
                .contains("it reached 90 % of its steady 1,850 rps after 10 s of load")
                .contains("in its first 5 s it served")
                .contains("(steady p99 130 ms)");
        assertThat(lineAbout(findings, "webflux was ready 3.1 s after start")).contains("steady 3,700 rps after 5 s");
    }

    @Test
    void c10kComparesThreadsStacksAndMemory() {
        List<String> findings = read(Fixtures.run(Fixtures.C10K)).findings();

        assertThat(lineAbout(findings, "c10k, 9,700 requests in flight"))
                .contains("mvc-10k ran 9,742 OS threads; their stacks reserved 8,570 MiB of address space (the seed's "
                        + "estimate for 9,700: 9,700 MiB) but committed only 796 MiB (95 KiB per thread), and its whole "
                        + "RSS was 3,223 MiB");
        assertThat(lineAbout(findings, "c10k mvc-10k:")).contains("RSS 5.1× mvc");
    }

    @Test
    void theWarmUpOfEachModelIsALine() {
        assertThat(lineAbout(LADDER.findings(), "Warm-up: a freshly started pod gets traffic as soon as it is ready"))
                .isNotBlank();
        assertThat(lineAbout(LADDER.findings(), "Warm-up of mvc:"))
                .contains("ready 4.2 s after start, stable after 24 s of load at 200 users")
                .contains("its first chunk ran at 640 rps, p99 1.20 s, its last at 1,790 rps, p99 125 ms");

        RunResults run = ResultsFixtures.run("ladder", "ladder", "littles-law")
                .variant(
                        "a",
                        "event-loop",
                        v -> v.warmupNeverStable()
                                .step(50, s -> s.rps(490).cold())
                                .step(100, s -> s.rps(980).cold()))
                .build();
        Narrative.Reading reading = read(run);
        assertThat(lineAbout(reading.findings(), "Warm-up of a:"))
                .contains("never stable within 60 s of load at 200 users")
                .endsWith("its steps are marked cold.");
        assertThat(reading.warnings()).anyMatch(line -> line.startsWith("a ran cold at 50 users, 100 users"));
    }

    @Test
    void theCpuScenarioComparesCpuPerRequest() {
        RunResults run = ResultsFixtures.run("cpu", "ladder", "cpu")
                .users(1, 2, 4)
                .repeats(3)
                .variant(
                        "a",
                        "thread-per-request",
                        v -> v.step(1, s -> s.rps(100, 99, 101).cpu(0.5))
                                .step(2, s -> s.rps(200, 199, 201).cpu(0.99)))
                .variant(
                        "b",
                        "event-loop",
                        v -> v.step(1, s -> s.rps(100, 99, 101).cpu(0.5))
                                .step(2, s -> s.rps(199, 198, 200).cpu(0.99)))
                .build();

        assertThat(lineAbout(read(run).findings(), "App CPU per request at each variant's busiest valid step"))
                .contains("a 4.975 ms (4.900–4.975 over 3 repeats)")
                .contains("b 5.000 ms (4.925–5.000 over 3 repeats), within noise of a (4.925–5.000 vs 4.900–4.975)");
    }

    @Test
    void theEventLoopBlockingScenarioNamesTheEventLoopLimit() {
        RunResults run = ResultsFixtures.run("blocking-io", "ladder", "event-loop-blocking")
                .users(100, 400)
                .variant(
                        "webflux",
                        "event-loop",
                        v -> v.eventLoopThreads(4)
                                .step(
                                        100,
                                        s -> s.rps(38)
                                                .predicted(40, "event-loop", null, "4 event-loop threads / 0.100 s"))
                                .step(
                                        400,
                                        s -> s.rps(38)
                                                .predicted(40, "event-loop", null, "4 event-loop threads / 0.100 s")))
                .build();

        assertThat(lineAbout(read(run).findings(), "webflux is capped by its event loop"))
                .isEqualTo(
                        "webflux is capped by its event loop: the model allows 40 rps (4 event-loop threads / 0.100 s);"
                                + " at 400 users it measured 38 rps (0.95 of predicted).");
    }

    @Test
    void theOpenModelAndErrorsAreRead() {
        assertThat(lineAbout(LADDER.findings(), "Open model"))
                .contains("mvc achieved 1,821 rps (1,815–1,830 over 3 repeats) of 3,000 req/s offered, p99 6.46 s "
                        + "(it cannot keep up, so its queue grows for the whole step)");
        assertThat(lineAbout(LADDER.findings(), "mvc-vt had errors"))
                .contains(
                        "45 at 3,200 users (42 × status.find.in(200..399), but actually found 504, 3 × j.i.IOException: "
                                + "Premature close)");
    }
}
