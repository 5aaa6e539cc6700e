package lab.runrecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import lab.runrecord.Measurement.SecondPoint;
import lab.runrecord.StepRun.Bottleneck.Cause;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Results runs built in code, for the report's and {@code ./lab diff}'s tests.
 *
 * <ul>
 *   <li>{@link #everyField()}: every field of every record set, each to a value found nowhere else
 *       in the tree (the round trip and "is every field shown" tests);
 *   <li>{@link #ladder()}, {@link #ladderUnderLimits()}, {@link #slowdown()}, {@link #coldstart()},
 *       {@link #c10k()}: realistic runs shaped like the README's measured figures (made up, not
 *       measured);
 *   <li>{@link #run(String, String, String)}: a builder for small synthetic runs. A step needs only
 *       its users and its throughput per repeat; everything else gets a consistent default
 *       (latency from Little's law, prediction from the delay, threads and CPU, the bottleneck
 *       from the prediction's basis).
 * </ul>
 */
public final class ResultsFixtures {

    static final Instant START = Instant.parse("2026-11-30T05:00:00Z");
    private static final long MIB = 1024L * 1024L;
    private static final List<String> COMMON_JVM_FLAGS = List.of(
            "-Xms1024m", "-Xmx1024m", "-XX:+UseG1GC", "-XX:ActiveProcessorCount=1", "-XX:+ExitOnOutOfMemoryError");

    private ResultsFixtures() {}

    /** A builder: scenario name, load kind ({@code ladder}, {@code open}, {@code coldstart}, {@code c10k}), model. */
    public static Run run(String scenario, String kind, String model) {
        return new Run(scenario, kind, model);
    }

    // ---- realistic runs ----

    /**
     * The ladder of the README on 2 cores, 3 repeats: mvc flat at its 200-thread ceiling from 200
     * users; mvc-vt to 5,000 rps, CPU-bound; webflux to 8,480 rps, CPU-bound, with its 3,200-user
     * step invalid (load side saturated); an open-model step at 3,000 req/s.
     */
    public static RunResults ladder() {
        return run("ladder", "ladder", "littles-law")
                .title("Closed ladder on /api/io")
                .users(50, 100, 200, 400, 800, 1600, 3200)
                .openRate(3000)
                .repeats(3)
                .variant(
                        "mvc",
                        "thread-per-request",
                        v -> v.maxThreads(200)
                                .overheadMs(6)
                                .cpuMs(0.20)
                                .step(50, s -> s.rps(473, 470, 476).cpu(0.10))
                                .step(100, s -> s.rps(940, 935, 946).cpu(0.19))
                                .step(200, s -> s.rps(1880, 1871, 1890).cpu(0.38))
                                .step(400, s -> s.rps(1902, 1890, 1911).cpu(0.39))
                                .step(800, s -> s.rps(1900, 1893, 1908).cpu(0.39))
                                .step(1600, s -> s.rps(1905, 1899, 1912).cpu(0.40))
                                .step(
                                        3200,
                                        s -> s.rps(1903, 1897, 1910)
                                                .cpu(0.40)
                                                .p50(1690)
                                                .p99(1800)
                                                .server(106, 131))
                                .open(
                                        3000,
                                        s -> s.rps(1821, 1815, 1830).cpu(0.39).p99(6460)))
                .variant(
                        "mvc-vt",
                        "virtual-threads",
                        v -> v.cpuMs(0.195)
                                .step(50, s -> s.rps(470, 466, 474).cpu(0.10))
                                .step(100, s -> s.rps(935, 930, 941).cpu(0.19))
                                .step(200, s -> s.rps(1850, 1838, 1860).cpu(0.37))
                                .step(400, s -> s.rps(3400, 3380, 3420).cpu(0.68))
                                .step(800, s -> s.rps(4951, 4930, 4970).cpu(0.97))
                                .step(
                                        1600,
                                        s -> s.rps(5024, 5000, 5050)
                                                .cpu(0.98)
                                                .bottleneck(Cause.CPU, "0.98 of 1 CPU", 0.98))
                                .step(
                                        3200,
                                        s -> s.rps(4978, 4950, 5001)
                                                .cpu(0.98)
                                                .errors("status.find.in(200..399), but actually found 504", 14)
                                                .errors("j.i.IOException: Premature close", 1)
                                                .bottleneck(Cause.CPU, "0.98 of 1 CPU", 0.98))
                                .open(3000, s -> s.rps(2424, 2400, 2450).cpu(0.98)))
                .variant(
                        "webflux",
                        "event-loop",
                        v -> v.eventLoopThreads(4)
                                .cpuMs(0.112)
                                .step(50, s -> s.rps(475, 472, 478).cpu(0.06))
                                .step(100, s -> s.rps(945, 940, 950).cpu(0.11))
                                .step(200, s -> s.rps(1890, 1880, 1900).cpu(0.21))
                                .step(400, s -> s.rps(3700, 3680, 3720).cpu(0.42))
                                .step(800, s -> s.rps(7000, 6950, 7050).cpu(0.79))
                                .step(
                                        1600,
                                        s -> s.rps(8480, 8420, 8530)
                                                .cpu(0.95)
                                                .bottleneck(Cause.CPU, "0.95 of 1 CPU", 0.95))
                                .step(
                                        3200,
                                        s -> s.rps(8300, 8200, 8390)
                                                .cpu(0.95)
                                                .invalid(
                                                        "load generator saturated: Gatling used 0.99 of its 1 CPU (limit 0.95)")
                                                .bottleneck(Cause.LOAD_SIDE, "Gatling 0.99 of 1 CPU", 0.99))
                                .open(3000, s -> s.rps(2978, 2960, 2990).cpu(0.35)))
                .build();
    }

    /**
     * Under the tight pod limits (500m CPU, 448Mi): mvc bound by its threads, webflux throttled by
     * the CPU quota, mvc-vt OOM-killed by the memory limit at 1,600 users.
     */
    public static RunResults ladderUnderLimits() {
        return run("ladder", "ladder", "littles-law")
                .title("Closed ladder on /api/io under the tight limits")
                .users(100, 400, 1600)
                .repeats(2)
                .limits("tight", 500, 448 * MIB, "cgroup-v2", true)
                .variant(
                        "mvc",
                        "thread-per-request",
                        v -> v.maxThreads(200)
                                .overheadMs(8)
                                .cpuMs(0.25)
                                .step(
                                        100,
                                        s -> s.rps(930, 925)
                                                .cpu(0.24)
                                                .throttled(0.02)
                                                .memory(300))
                                .step(
                                        400,
                                        s -> s.rps(1850, 1840)
                                                .cpu(0.47)
                                                .throttled(0.31)
                                                .memory(330))
                                .step(
                                        1600,
                                        s -> s.rps(1852, 1845)
                                                .cpu(0.48)
                                                .throttled(0.33)
                                                .memory(335)
                                                .bottleneck(Cause.THREAD_POOL, "200 of 200 threads busy", 1.0)))
                .variant(
                        "mvc-vt",
                        "virtual-threads",
                        v -> v.cpuMs(0.24)
                                .step(
                                        100,
                                        s -> s.rps(925, 920)
                                                .cpu(0.23)
                                                .throttled(0.03)
                                                .memory(310))
                                .step(
                                        400,
                                        s -> s.rps(1990, 1970)
                                                .cpu(0.49)
                                                .throttled(0.62)
                                                .memory(420))
                                .step(
                                        1600,
                                        s -> s.rps(1500, 900)
                                                .cpu(0.50)
                                                .throttled(0.70)
                                                .memory(447)
                                                .invalid("app died during the step: OOM-killed by the cgroup (448Mi)"))
                                .failure("oom-killed", "memory.events oom_kill 1", "u1600"))
                .variant(
                        "webflux",
                        "event-loop",
                        v -> v.eventLoopThreads(1)
                                .cpuMs(0.22)
                                .step(
                                        100,
                                        s -> s.rps(940, 936)
                                                .cpu(0.21)
                                                .throttled(0.01)
                                                .memory(280))
                                .step(
                                        400,
                                        s -> s.rps(2200, 2180)
                                                .cpu(0.49)
                                                .throttled(0.41)
                                                .memory(300))
                                .step(
                                        1600,
                                        s -> s.rps(2270, 2250)
                                                .cpu(0.50)
                                                .throttled(0.55)
                                                .memory(320)
                                                .bottleneck(Cause.CPU, "0.50 of 0.50 CPU", 1.0)))
                .build();
    }

    /** An open model at 1,000 req/s whose downstream gets 900 ms slower from 20 s to 40 s. */
    public static RunResults slowdown() {
        int seconds = 60;
        return run("slowdown", "open", "slowdown")
                .title("Downstream slowdown")
                .users()
                .openRate(1000)
                .repeats(2)
                .phase("slow downstream", 20, 20, 900)
                .variant(
                        "mvc",
                        "thread-per-request",
                        v -> v.maxThreads(200)
                                .overheadMs(6)
                                .cpuMs(0.2)
                                .open(
                                        1000,
                                        s -> s.rps(700, 690)
                                                .cpu(0.2)
                                                .p99(9800)
                                                .series(seconds, t -> slowdownPoint(t, 200, 200, true))
                                                .timeline(slowdownTimeline(20.4, 40.6, 15_400.0, 16_020.0, 6.0, 8.0))))
                .variant(
                        "webflux",
                        "event-loop",
                        v -> v.eventLoopThreads(4)
                                .cpuMs(0.11)
                                .open(
                                        1000,
                                        s -> s.rps(998, 995)
                                                .cpu(0.12)
                                                .p99(1100)
                                                .series(seconds, t -> slowdownPoint(t, 1000, 1000, false))
                                                .timeline(slowdownTimeline(20.2, 40.3, 1_000.0, null, 0.0, null))))
                .build();
    }

    /** What the runner derives from a slowdown step: the phase as it happened, queue and recovery. */
    private static StepRun.Timeline slowdownTimeline(
            double startT,
            double endT,
            double peakInFlight,
            Double predictedPeakQueue,
            Double recoverySeconds,
            Double predictedRecoverySeconds) {
        return new StepRun.Timeline(
                List.of(new StepRun.Timeline.PhaseMark("slow downstream", startT, endT, 900)),
                110.0,
                peakInFlight,
                predictedPeakQueue,
                recoverySeconds,
                predictedRecoverySeconds,
                null,
                null);
    }

    private static StepRun.Timeline coldTimeline(double steadyRps, double secondsTo90Percent) {
        return new StepRun.Timeline(List.of(), null, 400.0, null, null, null, steadyRps, secondsTo90Percent);
    }

    private static SecondPoint slowdownPoint(int t, double capDuring, double busyCap, boolean threads) {
        boolean slow = t >= 20 && t < 40;
        boolean recovering = t >= 40 && t < 46;
        double achieved = slow ? capDuring : recovering && threads ? 1400 : 1000;
        double p99 = slow ? (threads ? 1000 + (t - 20) * 450 : 1010) : recovering && threads ? 3000 : 110;
        double inFlight = slow ? (threads ? 200 + (t - 20) * 800 : 1000) : recovering && threads ? 4000 : 110;
        return new SecondPoint(
                t,
                1000.0,
                achieved,
                p99 * 0.8,
                p99,
                slow && threads ? 12L : 0L,
                threads ? 0.2 : 0.12,
                400.0 + t,
                threads ? 220.0 : 30.0,
                threads ? (slow ? busyCap : 110.0) : null,
                inFlight,
                threads ? null : (slow ? 3.0 : 0.0),
                null,
                0.3,
                0.06,
                threads && slow ? 900.0 : 2.0);
    }

    /** Fixed load on fresh JVMs: the first seconds are slow while the JIT compiles. */
    public static RunResults coldstart() {
        int seconds = 40;
        return run("coldstart", "coldstart", "coldstart")
                .title("Cold start")
                .users(400)
                .repeats(1)
                .noWarmup()
                .variant(
                        "mvc",
                        "thread-per-request",
                        v -> v.maxThreads(200)
                                .startup(4.2)
                                .step(
                                        400,
                                        s -> s.rps(1800)
                                                .cpu(0.5)
                                                .cold()
                                                .series(seconds, t -> coldPoint(t, 1850, 12))
                                                .timeline(coldTimeline(1850, 10))))
                .variant(
                        "webflux",
                        "event-loop",
                        v -> v.eventLoopThreads(4)
                                .startup(3.1)
                                .step(
                                        400,
                                        s -> s.rps(3500)
                                                .cpu(0.6)
                                                .cold()
                                                .series(seconds, t -> coldPoint(t, 3700, 6))
                                                .timeline(coldTimeline(3700, 5))))
                .build();
    }

    private static SecondPoint coldPoint(int t, double steady, int warmSeconds) {
        double achieved = t >= warmSeconds ? steady : steady * (0.2 + 0.8 * t / warmSeconds);
        double p99 = t >= warmSeconds ? 130 : 2500 - 2000.0 * t / warmSeconds;
        return new SecondPoint(
                t,
                null,
                achieved,
                p99 / 2,
                p99,
                0L,
                t >= warmSeconds ? 0.5 : 0.95,
                300.0 + t,
                40.0,
                null,
                400.0,
                null,
                null,
                0.4,
                0.1,
                3.0);
    }

    /** 9,700 requests in flight against every variant, 10 s downstream delay. */
    public static RunResults c10k() {
        return run("c10k", "c10k", "c10k")
                .title("c10k")
                .delayMs(10_000)
                .users(9700)
                .repeats(1)
                .variant(
                        "mvc",
                        "thread-per-request",
                        v -> v.maxThreads(200)
                                .step(
                                        9700,
                                        s -> s.rps(673)
                                                .cpu(0.05)
                                                .osThreads(229)
                                                .rss(628)
                                                .switches(2.7)
                                                .stacks(228, 228, 26)
                                                .errors("timeout", 9700)
                                                .p99(30_100)))
                .variant(
                        "mvc-vt",
                        "virtual-threads",
                        v -> v.step(
                                9700,
                                s -> s.rps(773)
                                        .cpu(0.6)
                                        .osThreads(33)
                                        .rss(2329)
                                        .switches(8.3)
                                        .stacks(32, 32, 2)
                                        .p99(14_900)))
                .variant(
                        "webflux",
                        "event-loop",
                        v -> v.eventLoopThreads(4)
                                .step(
                                        9700,
                                        s -> s.rps(803)
                                                .cpu(0.5)
                                                .osThreads(31)
                                                .rss(1315)
                                                .switches(1.3)
                                                .stacks(30, 30, 2)
                                                .p99(14_600)))
                .variant(
                        "mvc-10k",
                        "thread-per-request",
                        v -> v.maxThreads(10_000)
                                .step(
                                        9700,
                                        s -> s.rps(708)
                                                .cpu(0.7)
                                                .osThreads(9732)
                                                .rss(3223)
                                                .switches(5.4)
                                                .stacks(8570, 8570, 796)
                                                .p99(18_500)))
                .build();
    }

    // ---- every field, each a distinct value ----

    /**
     * Every field of every record set (no null, no empty list or map), each number and string
     * distinct from all others, so a test can find where each one ends up. Two variants; each has
     * an open step first (with a per-second series, so the time axis starts at 0) and two closed
     * steps with two repeats each; pod limits, phases, a warm-up and a failure.
     */
    public static RunResults everyField() {
        Distinct n = new Distinct();
        List<VariantRun> variants = new ArrayList<>();
        for (String name : List.of("mvc", "webflux")) {
            variants.add(everyFieldVariant(name, n));
        }
        return new RunResults(
                RunResults.SCHEMA_VERSION,
                new Reproduction(
                        n.text("commit"),
                        true,
                        List.of("compare", "--scenario", n.text("arg")),
                        new Reproduction.Versions(
                                n.text("jdk"),
                                n.text("boot"),
                                n.text("spring"),
                                n.text("netty"),
                                n.text("tomcat"),
                                n.text("gatling"))),
                new Environment(
                        new Environment.Machine(
                                n.text("os"),
                                n.text("kernel"),
                                n.text("cpu-model"),
                                (int) n.count(),
                                n.count(),
                                n.count(),
                                n.text("jdk-home")),
                        new Environment.CpuSplit(
                                List.of((int) n.count()),
                                List.of((int) n.count()),
                                n.cores(),
                                true,
                                true,
                                n.text("split")),
                        new Environment.PodLimitsInfo(
                                n.text("source"),
                                1234,
                                449 * MIB,
                                n.text("mechanism"),
                                true,
                                n.text("jto"),
                                n.text("note")),
                        new Environment.JvmFlagsInfo(
                                List.of("-D" + n.text("appflag")),
                                List.of("-D" + n.text("stubflag")),
                                List.of("-D" + n.text("gatlingflag"))),
                        n.text("started"),
                        n.text("finished")),
                new ScenarioSpec(
                        n.text("scenario"),
                        n.text("title"),
                        n.text("summary"),
                        new ScenarioSpec.Request(
                                "/api/" + n.text("endpoint"), Map.of("delayMs", 100, n.text("q"), (int) n.count())),
                        List.of("mvc", "webflux"),
                        List.of("--" + n.text("apparg")),
                        new ScenarioSpec.Load(
                                "open",
                                List.of((int) n.count(), (int) n.count()),
                                (int) n.count(),
                                (int) n.count(),
                                (int) n.count(),
                                (int) n.count(),
                                (int) n.count(),
                                (int) n.count()),
                        List.of(new ScenarioSpec.Phase(n.text("phase"), 3, (int) n.count(), (int) n.count())),
                        new ScenarioSpec.Prediction("slowdown", n.text("statement")),
                        n.text("reading"),
                        2,
                        new ScenarioSpec.Warmup(
                                (int) n.count(),
                                (int) n.count(),
                                (int) n.count(),
                                n.share(),
                                (int) n.count(),
                                Map.of("delayMs", (int) n.count())),
                        new ScenarioSpec.Quick(
                                List.of((int) n.count(), (int) n.count()),
                                (int) n.count(),
                                (int) n.count(),
                                (int) n.count(),
                                (int) n.count())),
                variants);
    }

    private static VariantRun everyFieldVariant(String name, Distinct n) {
        ObjectNode settings = JsonNodeFactory.instance.objectNode();
        settings.put(n.text("setting"), n.text("value"));
        settings.putObject("server").put("maxThreads", (int) n.count());
        List<StepRun> steps = new ArrayList<>();
        steps.add(everyFieldStep(n, true));
        steps.add(everyFieldStep(n, false));
        steps.add(everyFieldStep(n, false));
        return new VariantRun(
                name,
                n.text("app"),
                n.text("model"),
                new VariantRun.LaunchInfo(
                        n.text("jar"),
                        List.of(n.text("profile")),
                        List.of("--" + n.text("arg")),
                        List.of(
                                "-Xss" + n.text("xss"),
                                "-XX:+" + n.text("flag"),
                                "-XX:" + n.text("opt") + "=" + n.count()),
                        n.text("cgroup")),
                settings,
                new VariantRun.RuntimeInfo(
                        (int) n.count(), n.count() * MIB, List.of(n.text("gc")), (int) n.count(), (int) n.count(), (int)
                                n.count()),
                n.seconds(),
                new VariantRun.WarmupResult(
                        (int) n.count(),
                        n.seconds(),
                        true,
                        n.seconds(),
                        n.text("rule"),
                        List.of(new VariantRun.WarmupResult.Chunk(
                                n.seconds(), n.count(), n.cpuMs(), n.ms(), n.cpuMs() / 4))),
                new VariantRun.Ceilings((int) n.count(), n.ms(), (double) n.count(), n.cpuMs(), (double) n.count()),
                steps,
                new VariantRun.Failure(
                        "exited", n.text("failure"), steps.getLast().id()));
    }

    private static StepRun everyFieldStep(Distinct n, boolean open) {
        List<Measurement> repeats = new ArrayList<>();
        for (int repeat = 1; repeat <= 2; repeat++) {
            List<SecondPoint> series = new ArrayList<>();
            if (open) {
                for (int t = 0; t < 2; t++) {
                    series.add(new SecondPoint(
                            t,
                            (double) n.count(),
                            (double) n.count(),
                            n.ms(),
                            n.ms(),
                            n.count(),
                            n.cores(),
                            (double) n.count(),
                            (double) n.count(),
                            (double) n.count(),
                            (double) n.count(),
                            (double) n.count(),
                            n.share(),
                            n.cores(),
                            n.cores(),
                            n.ms()));
                }
            }
            repeats.add(new Measurement(
                    repeat,
                    new Measurement.Window(n.text("start"), n.text("end"), n.seconds()),
                    new Measurement.Client(
                            n.count(),
                            (double) n.count(),
                            n.count(),
                            n.count(),
                            Map.of(n.text("error"), n.count()),
                            new Measurement.Latency(n.ms(), n.ms(), n.ms(), n.ms(), n.ms())),
                    new Measurement.Server(n.ms(), n.ms(), n.ms(), n.ms()),
                    new Measurement.App(
                            n.cores(),
                            n.cpuMs(),
                            n.count(),
                            (int) n.count(),
                            (int) n.count(),
                            (double) n.count(),
                            (double) n.count(),
                            (double) n.count(),
                            new Measurement.Gc(n.share(), n.share(), n.count(), n.ms()),
                            new Measurement.Heap((double) n.count(), (double) n.count(), (double) n.count()),
                            new Measurement.ClientPool((double) n.count(), (double) n.count(), (double) n.count()),
                            new Measurement.Executor((double) n.count(), (double) n.count(), (double) n.count()),
                            n.tenths(),
                            (int) n.count(),
                            new Measurement.ThreadStacks((int) n.count(), n.count(), n.count())),
                    new Measurement.Cgroup(n.share(), n.seconds(), n.count(), n.count(), n.count()),
                    new Measurement.LoadSide(n.cores(), n.cpuMs(), n.cores(), n.cpuMs(), n.cores(), n.ms(), n.cores()),
                    n.text("gatling-report"),
                    series));
        }
        String id = n.text("id");
        return new StepRun(
                id,
                new StepRun.StepLoad(
                        open ? "open" : "closed",
                        open ? null : (int) n.count(),
                        open ? (int) n.count() : null,
                        (int) n.count(),
                        (int) n.count()),
                repeats,
                new StepRun.Spread(
                        new StepRun.Figure(n.count(), n.count(), n.count(), (int) n.count(), n.share()),
                        new StepRun.Figure(n.ms(), n.ms(), n.ms(), (int) n.count(), n.share()),
                        new StepRun.Figure(n.ms(), n.ms(), n.ms(), (int) n.count(), n.share()),
                        new StepRun.Figure(n.cpuMs(), n.cpuMs(), n.cpuMs(), (int) n.count(), n.share())),
                new StepRun.Prediction(
                        n.count(),
                        n.text("basis"),
                        (double) n.count(),
                        (double) n.count(),
                        (double) n.count(),
                        (double) n.count(),
                        n.hundredths(),
                        n.text("prediction-note")),
                new StepRun.Verdict(false, List.of(n.text("reason")), true, false),
                new StepRun.Bottleneck(
                        Cause.values()[(int) (n.count() % Cause.values().length)], n.text("bottleneck"), n.share()),
                new StepRun.Timeline(
                        List.of(new StepRun.Timeline.PhaseMark(
                                n.text("mark"), n.seconds(), n.seconds(), (int) n.count())),
                        n.ms(),
                        (double) n.count(),
                        (double) n.count(),
                        n.seconds(),
                        n.seconds(),
                        (double) n.count(),
                        n.seconds()));
    }

    /**
     * Distinct values of each kind, chosen so that each still reads distinctly once the report
     * formats it: counts "20,017", durations "11.00 s", shares "10.2 %", cores "3.01", CPU ms "0.401".
     */
    static final class Distinct {
        private int counts;
        private int millis;
        private int shares;
        private int cores;
        private int cpuMs;
        private int seconds;
        private int tenths;
        private int hundredths;
        private int texts;

        long count() {
            return 20_000 + 17L * ++counts;
        }

        /** Milliseconds of one second or more: "12.13 s" reads distinctly to two decimals. */
        double ms() {
            return 11_000 + 1_130.0 * ++millis;
        }

        /** "10.2 %", "10.4 %", ... */
        double share() {
            return (100 + 2 * ++shares) / 1000.0;
        }

        /** "3.01", "3.02", ... */
        double cores() {
            return (300 + ++cores) / 100.0;
        }

        /** "0.403", "0.406", ... */
        double cpuMs() {
            return (400 + 3 * ++cpuMs) / 1000.0;
        }

        /** Seconds with one decimal: "31.5 s". */
        double seconds() {
            return 30 + ++seconds + 0.5;
        }

        /** One decimal: context switches per request, "51.0", "52.0", ... */
        double tenths() {
            return 50 + ++tenths;
        }

        /** Two decimals: measured over predicted, "5.10", "5.20", ... */
        double hundredths() {
            return (500 + 10 * ++hundredths) / 100.0;
        }

        String text(String what) {
            return what + "-" + ++texts;
        }
    }

    // ---- the builder ----

    /** A run being built: the scenario, the environment, then each variant. */
    public static final class Run {
        private final String name;
        private final String kind;
        private final String model;
        private String title;
        private int delayMs = 100;
        private List<Integer> users = List.of(50, 100, 200);
        private int openRate;
        private int repeats = 1;
        private int stepSeconds = 15;
        private boolean warmup = true;
        private String reading = "What the scenario shows, in words.";
        private Environment.PodLimitsInfo limits;
        private final List<ScenarioSpec.Phase> phases = new ArrayList<>();
        private final List<VariantRun> variants = new ArrayList<>();

        private Run(String name, String kind, String model) {
            this.name = name;
            this.kind = kind;
            this.model = model;
            this.title = name;
        }

        public Run title(String value) {
            title = value;
            return this;
        }

        public Run delayMs(int value) {
            delayMs = value;
            return this;
        }

        public Run users(Integer... value) {
            users = List.of(value);
            return this;
        }

        public Run openRate(int value) {
            openRate = value;
            return this;
        }

        public Run repeats(int value) {
            repeats = value;
            return this;
        }

        public Run reading(String value) {
            reading = value;
            return this;
        }

        public Run noWarmup() {
            warmup = false;
            return this;
        }

        public Run limits(String source, long cpuMillis, long memoryBytes, String mechanism, boolean enforced) {
            limits = new Environment.PodLimitsInfo(
                    source, cpuMillis, memoryBytes, mechanism, enforced, "-XX:MaxRAMPercentage=50", null);
            return this;
        }

        public Run phase(String phaseName, int atSecond, int seconds, int extraLatencyMs) {
            phases.add(new ScenarioSpec.Phase(phaseName, atSecond, seconds, extraLatencyMs));
            return this;
        }

        double cpuBudget() {
            return limits == null ? 1.0 : limits.cpuMillis() / 1000.0;
        }

        public Run variant(String variantName, String variantModel, Consumer<Variant> spec) {
            Variant variant = new Variant(this, variantName, variantModel);
            spec.accept(variant);
            variants.add(variant.build());
            return this;
        }

        public RunResults build() {
            Map<String, Integer> query = new LinkedHashMap<>();
            query.put("delayMs", delayMs);
            query.put("bytes", 128);
            ScenarioSpec scenario = new ScenarioSpec(
                    name,
                    title,
                    "The " + name + " scenario.",
                    new ScenarioSpec.Request("/api/io", query),
                    variants.stream().map(VariantRun::name).toList(),
                    List.of(),
                    new ScenarioSpec.Load(kind, users, stepSeconds, 2, 1, openRate, 10, 10_000),
                    phases,
                    new ScenarioSpec.Prediction(model, "The " + model + " model's statement."),
                    reading,
                    repeats,
                    new ScenarioSpec.Warmup(200, 8, 3, 0.05, 60),
                    new ScenarioSpec.Quick(List.of(50, 400), 5, 5, 1, 30));
            Environment environment = new Environment(
                    new Environment.Machine(
                            "Linux amd64 (Debian GNU/Linux 12)",
                            "6.1.0",
                            "AMD EPYC 7B13",
                            2,
                            7_936,
                            20_000,
                            "/usr/lib/jvm/temurin-25"),
                    new Environment.CpuSplit(
                            List.of(1),
                            List.of(0),
                            cpuBudget(),
                            true,
                            limits != null,
                            "app on CPU 1 (-XX:ActiveProcessorCount=1), stub + Gatling on CPU 0"),
                    limits,
                    new Environment.JvmFlagsInfo(COMMON_JVM_FLAGS, List.of("-Xmx256m"), List.of("-Xmx512m")),
                    START.toString(),
                    START.plus(Duration.ofMinutes(11)).toString());
            Reproduction reproduction = new Reproduction(
                    "e337d0ecfa2b8041d7d52a2a8b41cab5997e544e",
                    false,
                    List.of("compare", "--scenario", name),
                    new Reproduction.Versions("25.0.3", "4.0.7", "7.0.2", "1.3.1", "11.0.14", "3.14.3"));
            return new RunResults(RunResults.SCHEMA_VERSION, reproduction, environment, scenario, variants);
        }
    }

    /** A variant being built: how it ran, its ceilings, its steps. */
    public static final class Variant {
        private final Run run;
        private final String name;
        private final String model;
        private Integer maxThreads;
        private Integer eventLoopThreads;
        private double overheadMs = 5;
        private Double cpuMs;
        private double startupSeconds = 4.2;
        private boolean warmupStable = true;
        private VariantRun.Failure failure;
        private final List<StepRun> steps = new ArrayList<>();

        private Variant(Run run, String name, String model) {
            this.run = run;
            this.name = name;
            this.model = model;
        }

        public Variant maxThreads(int value) {
            maxThreads = value;
            return this;
        }

        public Variant eventLoopThreads(int value) {
            eventLoopThreads = value;
            return this;
        }

        public Variant overheadMs(double value) {
            overheadMs = value;
            return this;
        }

        /** App CPU per request at the busiest step: sets the CPU ceiling. */
        public Variant cpuMs(double value) {
            cpuMs = value;
            return this;
        }

        public Variant startup(double seconds) {
            startupSeconds = seconds;
            return this;
        }

        /** The warm-up hits its cap without becoming stable (its steps should then be marked cold). */
        public Variant warmupNeverStable() {
            warmupStable = false;
            return this;
        }

        public Variant failure(String kind, String message, String atStep) {
            failure = new VariantRun.Failure(kind, message, atStep);
            return this;
        }

        public Variant step(int users, Consumer<Step> spec) {
            Step step = new Step(this, "u" + users, "closed", users, null);
            spec.accept(step);
            steps.add(step.build());
            return this;
        }

        public Variant open(int rate, Consumer<Step> spec) {
            Step step = new Step(this, "open" + rate, "open", null, rate);
            spec.accept(step);
            steps.add(step.build());
            return this;
        }

        Double threadCeiling() {
            return maxThreads == null ? null : maxThreads / ((run.delayMs + overheadMs) / 1000.0);
        }

        Double cpuCeiling() {
            return cpuMs == null ? null : run.cpuBudget() / (cpuMs / 1000.0);
        }

        VariantRun build() {
            String app = model.equals("event-loop") ? "webflux" : "mvc";
            List<String> profiles = switch (name) {
                case "mvc-vt" -> List.of("virtual");
                case "mvc-10k" -> List.of("threads-10k");
                default -> List.of();
            };
            ObjectNode settings = JsonNodeFactory.instance.objectNode();
            settings.put("model", model);
            ObjectNode server = settings.putObject("server");
            server.put("virtualThreads", model.equals("virtual-threads"));
            if (maxThreads != null) {
                server.put("maxThreads", maxThreads);
            }
            settings.putObject("downstream").put("maxConnections", 10_000).put("responseTimeout", "12s");
            VariantRun.WarmupResult warmup = run.warmup
                    ? new VariantRun.WarmupResult(
                            200,
                            warmupStable ? 24 : 60,
                            warmupStable,
                            warmupStable ? 24.0 : null,
                            "3 chunks of 8 s within 5 %",
                            List.of(
                                    new VariantRun.WarmupResult.Chunk(8, 640, 0.9, 1200, 0.05),
                                    new VariantRun.WarmupResult.Chunk(16, 1700, 0.3, 140, 0.05),
                                    new VariantRun.WarmupResult.Chunk(24, 1790, 0.25, 125, 0.05)))
                    : null;
            return new VariantRun(
                    name,
                    app,
                    model,
                    new VariantRun.LaunchInfo(
                            app + "-app/target/" + app + "-app.jar",
                            profiles,
                            List.of(),
                            COMMON_JVM_FLAGS,
                            run.limits == null ? null : "/sys/fs/cgroup/lab.slice/" + name),
                    settings,
                    new VariantRun.RuntimeInfo(
                            1,
                            1024 * MIB,
                            List.of("G1 Young Generation", "G1 Old Generation"),
                            maxThreads,
                            eventLoopThreads,
                            model.equals("virtual-threads") ? 1 : null),
                    startupSeconds,
                    warmup,
                    new VariantRun.Ceilings(
                            maxThreads, maxThreads == null ? null : overheadMs, threadCeiling(), cpuMs, cpuCeiling()),
                    steps,
                    failure);
        }
    }

    /** A step being built: throughput per repeat and, optionally, any other figure. */
    public static final class Step {
        private final Variant variant;
        private final String id;
        private final String model;
        private final Integer users;
        private final Integer rate;
        private double[] rps = {100};
        private double cpu = 0.1;
        private Double p50;
        private Double p99;
        private Double serverMean;
        private Double serverP99;
        private Integer osThreads;
        private double rss = 900;
        private double switches = 3.0;
        private double throttled;
        private double memory = 350;
        private double cv = 0.03;
        private final Map<String, Long> errors = new LinkedHashMap<>();
        private final List<String> reasons = new ArrayList<>();
        private boolean cold;
        private StepRun.Bottleneck bottleneck;
        private StepRun.Prediction predicted;
        private Measurement.ThreadStacks stacks;
        private StepRun.Timeline timeline;
        private List<SecondPoint> series = List.of();

        private Step(Variant variant, String id, String model, Integer users, Integer rate) {
            this.variant = variant;
            this.id = id;
            this.model = model;
            this.users = users;
            this.rate = rate;
        }

        /** Throughput of each repeat: as many repeats as values. */
        public Step rps(double... perRepeat) {
            rps = perRepeat.clone();
            return this;
        }

        public Step cpu(double cores) {
            cpu = cores;
            return this;
        }

        public Step p50(double ms) {
            p50 = ms;
            return this;
        }

        public Step p99(double ms) {
            p99 = ms;
            return this;
        }

        public Step server(double meanMs, double p99Ms) {
            serverMean = meanMs;
            serverP99 = p99Ms;
            return this;
        }

        public Step osThreads(int value) {
            osThreads = value;
            return this;
        }

        public Step rss(double mib) {
            rss = mib;
            return this;
        }

        public Step switches(double perRequest) {
            switches = perRequest;
            return this;
        }

        public Step throttled(double share) {
            throttled = share;
            return this;
        }

        public Step memory(double peakMiB) {
            memory = peakMiB;
            return this;
        }

        public Step cv(double value) {
            cv = value;
            return this;
        }

        /** Failed requests of one class, in each repeat. */
        public Step errors(String errorClass, long perRepeat) {
            errors.put(errorClass, perRepeat);
            return this;
        }

        public Step invalid(String... why) {
            reasons.addAll(Arrays.asList(why));
            return this;
        }

        public Step cold() {
            cold = true;
            return this;
        }

        /** Native memory tracking's thread stacks (c10k). */
        public Step stacks(int threads, double reservedMiB, double committedMiB) {
            stacks = new Measurement.ThreadStacks(threads, reservedMiB, committedMiB);
            return this;
        }

        /** What the runner derived over time (time-series scenarios). */
        public Step timeline(StepRun.Timeline value) {
            timeline = value;
            return this;
        }

        /** The model's prediction, instead of the one derived from the delay, threads and CPU. */
        public Step predicted(double rps, String basis, Double poolCeilingRps, String note) {
            predicted = new StepRun.Prediction(rps, basis, null, null, null, poolCeilingRps, null, note);
            return this;
        }

        public Step bottleneck(Cause cause, String figure, Double value) {
            bottleneck = new StepRun.Bottleneck(cause, figure, value);
            return this;
        }

        /** One point per second of each repeat's window. */
        public Step series(int seconds, IntFunction<SecondPoint> point) {
            List<SecondPoint> points = new ArrayList<>();
            for (int t = 0; t < seconds; t++) {
                points.add(point.apply(t));
            }
            series = points;
            return this;
        }

        StepRun build() {
            Run run = variant.run;
            int steady = series.isEmpty() ? run.stepSeconds : series.size();
            double median = median(rps);
            double latencyMs = users == null ? run.delayMs + variant.overheadMs : users / median * 1000;
            double p50Ms = p50 != null ? p50 : Math.max(latencyMs, run.delayMs + variant.overheadMs);
            double p99Ms = p99 != null ? p99 : p50Ms * 1.25;
            int threads = osThreads != null
                    ? osThreads
                    : variant.maxThreads != null
                            ? Math.min(variant.maxThreads, users == null ? variant.maxThreads : users) + 30
                            : 25;
            List<Measurement> repeats = new ArrayList<>();
            long ko = errors.values().stream().mapToLong(Long::longValue).sum();
            for (int i = 0; i < rps.length; i++) {
                double r = rps[i];
                double jitter = 1 + 0.01 * (i - rps.length / 2);
                Instant start = START.plus(Duration.ofSeconds(20L * variant.steps.size() + 300L * i));
                repeats.add(new Measurement(
                        i + 1,
                        new Measurement.Window(
                                start.toString(), start.plusSeconds(steady).toString(), steady),
                        new Measurement.Client(
                                r,
                                rate == null ? null : rate.doubleValue(),
                                Math.max(0, Math.round(r * steady) - ko),
                                ko,
                                errors,
                                new Measurement.Latency(
                                        p50Ms * 1.02,
                                        p50Ms * jitter,
                                        p50Ms + (p99Ms - p50Ms) * 0.7,
                                        p99Ms * jitter,
                                        p99Ms * 1.5)),
                        new Measurement.Server(
                                serverMean != null ? serverMean : run.delayMs + variant.overheadMs,
                                serverP99 != null ? serverP99 : (run.delayMs + variant.overheadMs) * 1.3,
                                run.delayMs + 0.6,
                                2.0),
                        new Measurement.App(
                                cpu * jitter,
                                cpu * jitter / r * 1000,
                                rss,
                                threads + 10,
                                threads,
                                variant.maxThreads == null
                                        ? null
                                        : (double) Math.min(
                                                variant.maxThreads, users == null ? variant.maxThreads : users),
                                variant.eventLoopThreads == null ? null : 1.0,
                                users == null ? null : (double) users,
                                new Measurement.Gc(0.01, 0.02, 12L, 8.5),
                                new Measurement.Heap(600.0, 120.0, 1024.0),
                                new Measurement.ClientPool(
                                        (double) Math.min(users == null ? 200 : users, 10_000), 0.0, 10_000.0),
                                null,
                                switches,
                                0,
                                stacks),
                        run.limits == null
                                ? null
                                : new Measurement.Cgroup(
                                        throttled,
                                        throttled * steady,
                                        memory,
                                        run.limits.memoryBytes() / (double) MIB,
                                        0),
                        new Measurement.LoadSide(0.19 * r / 1000, 0.19, 0.057 * r / 1000, 0.057, 1.0, 1.5, 0.01),
                        "gatling/" + variant.name + "-" + id + "-r" + (i + 1),
                        series));
            }
            StepRun.Spread spread = new StepRun.Spread(
                    figure(rps, cv),
                    figure(
                            repeats.stream()
                                    .mapToDouble(m -> m.client().latency().p50Ms())
                                    .toArray(),
                            0.05),
                    figure(
                            repeats.stream()
                                    .mapToDouble(m -> m.client().latency().p99Ms())
                                    .toArray(),
                            0.08),
                    figure(
                            repeats.stream()
                                    .mapToDouble(m -> m.app().cpuMsPerRequest())
                                    .toArray(),
                            null));
            StepRun.Prediction prediction = predicted == null
                    ? prediction(median)
                    : new StepRun.Prediction(
                            predicted.predictedRps(),
                            predicted.basis(),
                            users == null ? null : users / (run.delayMs / 1000.0),
                            variant.threadCeiling(),
                            variant.cpuCeiling(),
                            predicted.poolCeilingRps(),
                            median / predicted.predictedRps(),
                            predicted.note());
            return new StepRun(
                    id,
                    new StepRun.StepLoad(model, users, rate, 2, steady),
                    repeats,
                    spread,
                    prediction,
                    new StepRun.Verdict(reasons.isEmpty(), reasons, cold, run.limits == null || run.limits.enforced()),
                    bottleneck != null ? bottleneck : defaultBottleneck(prediction),
                    timeline);
        }

        private StepRun.Prediction prediction(double median) {
            Run run = variant.run;
            double littles = users == null ? rate : users / (run.delayMs / 1000.0);
            double predicted = littles;
            String basis = users == null ? "offered" : "users";
            Double threads = variant.threadCeiling();
            Double cpuCeiling = variant.cpuCeiling();
            if (threads != null && threads < predicted) {
                predicted = threads;
                basis = "threads";
            }
            if (cpuCeiling != null && cpuCeiling < predicted) {
                predicted = cpuCeiling;
                basis = "cpu";
            }
            return new StepRun.Prediction(
                    predicted, basis, littles, threads, cpuCeiling, null, median / predicted, null);
        }

        private StepRun.Bottleneck defaultBottleneck(StepRun.Prediction prediction) {
            return switch (prediction.basis()) {
                case "threads" ->
                    new StepRun.Bottleneck(
                            Cause.THREAD_POOL, variant.maxThreads + " of " + variant.maxThreads + " threads busy", 1.0);
                case "cpu" ->
                    new StepRun.Bottleneck(
                            Cause.CPU, cpu + " of " + variant.run.cpuBudget() + " CPU", cpu / variant.run.cpuBudget());
                default ->
                    new StepRun.Bottleneck(
                            Cause.LOAD, "asked for " + Math.round(prediction.littlesLawRps()) + " rps", null);
            };
        }

        private static StepRun.Figure figure(double[] values, Double cv) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return new StepRun.Figure(median(values), sorted[0], sorted[sorted.length - 1], values.length, cv);
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    /** The JSON of a run, as {@link ResultsJson} writes it. */
    public static JsonNode tree(RunResults run) {
        return ResultsJson.mapper().readTree(ResultsJson.toJson(run));
    }
}
