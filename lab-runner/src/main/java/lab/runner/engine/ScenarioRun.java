package lab.runner.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import lab.runner.bench.AppIsolation;
import lab.runner.bench.Bench;
import lab.runner.bench.CpuSplit;
import lab.runner.bench.Launch;
import lab.runner.environment.EnvironmentProbe;
import lab.runner.model.Attribution;
import lab.runner.model.ValidityRules;
import lab.runner.sampling.NativeMemory;
import lab.runner.sampling.Sample;
import lab.runner.sampling.Sampler;
import lab.runrecord.Environment;
import lab.runrecord.Measurement;
import lab.runrecord.Reproduction;
import lab.runrecord.RunResults;
import lab.runrecord.ScenarioSpec;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;
import lab.variants.Model;
import tools.jackson.databind.JsonNode;

/**
 * Runs one scenario: for each variant, start it (in its cgroup when pod limits apply), start a
 * load generator that stays warm for the whole variant, warm the app up until it is measurably
 * warm, measure every step {@code repeats} times, then reason on the measurements (ceilings,
 * predictions, verdicts, bottlenecks, spreads) and write the results. Results are rewritten after
 * every variant, so an interrupted run keeps what it measured.
 */
public final class ScenarioRun {

    /** Time for the load generator to start injecting after it was given a plan (phases are timed from it). */
    static final long INJECTION_LAG_MS = 1000;

    /** The load generators of a run: one warm process per variant. */
    public interface LoadGenerators {
        LoadGenerator start(Bench bench, String label) throws IOException, InterruptedException;

        /** The load generator's JVM flags, as it starts with the load CPUs of this split. */
        List<String> jvmFlags(CpuSplit split);
    }

    /**
     * Everything a run is made of, decided before it starts.
     *
     * @param launches the variants with their extra arguments, in run order
     * @param limits the pod limits when {@code --limits} was given, else null
     * @param nativeMemory whether the apps run with native memory tracking (c10k)
     */
    public record Options(
            Path root,
            Path out,
            ScenarioSpec spec,
            List<Launch> launches,
            CpuSplit split,
            List<String> appFlags,
            List<String> stubFlags,
            Function<Launch, AppIsolation> isolation,
            Environment.PodLimitsInfo limits,
            Reproduction reproduce,
            LoadGenerators loadGenerators,
            boolean nativeMemory) {

        public Options {
            // absolute, so that the files it writes can be named relative to it whatever the caller gave
            out = out.toAbsolutePath().normalize();
        }
    }

    private final Options o;
    private final PrintStream out;
    private final ValidityRules rules;
    private final Attribution attribution;
    private final Progress progress;

    public ScenarioRun(Options options, PrintStream out) {
        this(options, out, ValidityRules.DEFAULTS, Attribution.DEFAULTS);
    }

    ScenarioRun(Options options, PrintStream out, ValidityRules rules, Attribution attribution) {
        this.o = options;
        this.out = out;
        this.rules = rules;
        this.attribution = attribution;
        this.progress = new Progress(out, options.spec(), options.launches().size());
    }

    public RunResults run() throws IOException, InterruptedException {
        Instant started = Instant.now();
        List<VariantRun> variants = new ArrayList<>();
        try (Bench bench = new Bench(o.root(), o.out(), o.split(), o.appFlags(), o.stubFlags(), o.isolation())) {
            progress.say("Output: %s", o.out().toAbsolutePath());
            progress.say("Scenario: %s (%s)", o.spec().name(), o.spec().title());
            progress.say("CPUs: %s", o.split().describe(bench.java().canPin()));
            if (o.limits() != null) {
                progress.say("Limits: %s", describe(o.limits()));
            }
            progress.say("App JVM flags (all variants): %s", String.join(" ", o.appFlags()));
            bench.startStub(!o.spec().phases().isEmpty());
            progress.say("Stub up on port %d", bench.stubPort());
            for (Launch launch : o.launches()) {
                variants.add(runVariant(bench, launch));
                write(bench, started, null, variants);
            }
            RunResults results = write(bench, started, Instant.now(), variants);
            bench.close();
            progress.say("");
            Summary.print(out, results);
            return results;
        }
    }

    private RunResults write(Bench bench, Instant started, Instant finished, List<VariantRun> variants)
            throws IOException {
        Environment env = new Environment(
                EnvironmentProbe.machine(),
                o.split().toRecord(bench.java().canPin()),
                o.limits(),
                new Environment.JvmFlagsInfo(
                        o.appFlags(), o.stubFlags(), o.loadGenerators().jvmFlags(o.split())),
                started.toString(),
                finished == null ? null : finished.toString());
        RunResults results = new RunResults(RunResults.SCHEMA_VERSION, o.reproduce(), env, o.spec(), variants);
        lab.runrecord.ResultsJson.write(results, lab.runrecord.ResultsJson.in(o.out()));
        return results;
    }

    private VariantRun runVariant(Bench bench, Launch launch) throws InterruptedException {
        progress.variant(launch.name());
        Bench.RunningApp app = null;
        LoadGenerator load = null;
        Sampler sampler = null;
        VariantRun.RuntimeInfo runtime = null;
        VariantRun.WarmupResult warmup = null;
        JsonNode settings = null;
        double startup = 0;
        Map<String, List<LoadWindow>> windows = new LinkedHashMap<>();
        Map<String, List<Measurement>> measured = new LinkedHashMap<>();
        Map<String, List<Boolean>> failedLoad = new LinkedHashMap<>();
        List<StepRun.Timeline.PhaseMark> phases = new ArrayList<>();
        VariantRun.Failure failure = null;
        try {
            try {
                app = bench.startApp(launch);
            } catch (IOException e) {
                failure = new VariantRun.Failure("start-failed", e.getMessage(), null);
                progress.say("[%s] FAILED to start: %s", launch.name(), e.getMessage());
                return variantRun(launch, bench, null, null, 0, null, null, List.of(), failure);
            }
            startup = app.startupSeconds();
            settings = app.info().path("lab");
            runtime = RuntimeInfos.of(app.info());
            progress.say("[%s] up in %.1f s; %s", launch.name(), startup, RuntimeInfos.describe(runtime, launch));
            load = o.loadGenerators().start(bench, launch.name());
            Bench.RunningApp running = app;
            sampler = new Sampler(
                            new Sampler.Targets(
                                    app.actuator(),
                                    app.process().pid(),
                                    bench.stubPid(),
                                    load::pid,
                                    bench.stubPort(),
                                    o.split().layout().appCpus(),
                                    () -> running.isolation().read()),
                            bench.proc(),
                            o.spec().request().delayMs())
                    .start();
            ScenarioSpec.Load l = o.spec().load();
            if (!"coldstart".equals(l.kind()) && o.spec().warmup().maxSeconds() > 0) {
                Bench.RunningApp warming = app;
                warmup = new WarmUp(
                                load,
                                sampler,
                                line -> progress.say("[%s] %s", launch.name(), line),
                                () -> warming.process().isAlive())
                        .run(o.spec().warmup(), warmupPlan(app, bench));
                progress.warmedUp(launch.name(), warmup);
                if (!app.process().isAlive()) {
                    // no repeat against a dead app: its "steps" would only count refused connections
                    failure = died(
                            app,
                            sampler.samples(),
                            List.of(),
                            Analysis.fmt(
                                    " during the warm-up at %,d users",
                                    o.spec().warmup().users()));
                }
            }
            for (int r = 1; r <= o.spec().repeats() && failure == null; r++) {
                failure = measureOnce(bench, app, load, sampler, r, windows, measured, failedLoad, phases);
            }
        } catch (IOException | RuntimeException e) {
            failure = new VariantRun.Failure("error", String.valueOf(e.getMessage()), null);
            progress.say("[%s] FAILED: %s", launch.name(), e);
        } finally {
            if (sampler != null) {
                sampler.close();
            }
            if (load != null) {
                load.close();
            }
            if (app != null) {
                bench.stopApp(app);
            }
        }
        // cold: a warm-up that never became stable, or none at all where the scenario is not about cold starts
        boolean cold = warmup != null
                ? !warmup.stable()
                : !"coldstart".equals(o.spec().load().kind())
                        && o.spec().warmup().maxSeconds() == 0;
        Analysis.Outcome outcome = new Analysis(
                        new Analysis.Context(
                                o.spec(),
                                o.split().appBudgetCores(),
                                RuntimeInfos.limitingThreads(o.spec(), launch, runtime),
                                RuntimeInfos.limitingThreadsName(o.spec(), launch),
                                RuntimeInfos.poolConnections(o.spec(), settings),
                                cold,
                                o.limits() == null || o.limits().enforced(),
                                phases),
                        rules,
                        attribution)
                .analyse(stepWindows(windows, measured, failedLoad));
        outcome.steps().forEach(s -> progress.step(launch.name(), s));
        return variantRun(
                launch, bench, settings, runtime, startup, warmup, outcome.ceilings(), outcome.steps(), failure);
    }

    /** One pass over the scenario's steps; returns why the variant had to stop, or null. */
    private VariantRun.Failure measureOnce(
            Bench bench,
            Bench.RunningApp app,
            LoadGenerator load,
            Sampler sampler,
            int repeat,
            Map<String, List<LoadWindow>> windows,
            Map<String, List<Measurement>> measured,
            Map<String, List<Boolean>> failedLoad,
            List<StepRun.Timeline.PhaseMark> phases)
            throws IOException, InterruptedException {
        String name = app.launch().name();
        LoadPlan plan = plan(app, bench, repeat);
        progress.repeat(name, repeat, o.spec().repeats(), plan);
        long switchesBefore = o.nativeMemory()
                ? bench.proc().contextSwitchesAllThreads(app.process().pid())
                : -1;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lab-phases");
            t.setDaemon(true);
            return t;
        });
        PhaseClock clock = new PhaseClock(o.spec().phases(), new StubAdmin(bench.stubUrl()), timer);
        ScheduledFuture<Optional<NativeMemory>> nmt = null;
        LoadRun run;
        try {
            clock.schedule(System.currentTimeMillis() + INJECTION_LAG_MS);
            if (o.nativeMemory()) {
                long at = INJECTION_LAG_MS / 1000
                        + o.spec().load().rampSeconds()
                        + o.spec().load().settleSeconds()
                        + o.spec().load().stepSeconds() / 2;
                long pid = app.process().pid();
                nmt = timer.schedule(
                        () -> NativeMemory.read(
                                bench.java().jdkTool("jcmd"),
                                pid,
                                bench.java().canPin() ? o.split().layout().loadCpuList() : null),
                        at,
                        TimeUnit.SECONDS);
            }
            run = load.run(plan);
        } finally {
            clock.clear();
        }
        Measurement.ThreadStacks stacks = null;
        if (nmt != null) {
            try {
                stacks = nmt.get(1, TimeUnit.MINUTES)
                        .map(n ->
                                new Measurement.ThreadStacks(n.threads(), n.stackReservedMiB(), n.stackCommittedMiB()))
                        .orElse(null);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                stacks = null;
            }
        }
        timer.shutdownNow();
        long switchesAfter = switchesBefore >= 0
                ? bench.proc().contextSwitchesAllThreads(app.process().pid())
                : -1;
        // the switches were counted over the whole run, so they are divided by all its requests
        long requests = run.requests();
        Double switches = switchesBefore >= 0 && switchesAfter >= 0 && requests > 0
                ? (double) (switchesAfter - switchesBefore) / requests
                : null;
        String report = run.reportDir() == null
                ? null
                : o.out()
                        .relativize(run.reportDir().toAbsolutePath().normalize())
                        .toString();
        if (run.failure() != null) {
            progress.say("[%s] load generator: %s", name, run.failure());
        }
        List<Sample> samples = sampler.samples();
        long diedAt = app.process().isAlive() ? Long.MAX_VALUE : Death.diedAt(samples);
        for (LoadWindow w : run.windows()) {
            if (w.start().toEpochMilli() >= diedAt) {
                // the app was gone before this window began: it measured only refused connections
                progress.say("[%s] %s: not measured, the app had died before its window", name, w.stepId());
                continue;
            }
            Measurement m = StepAssembler.assemble(
                    w,
                    samples,
                    sampler.stubProbes(),
                    sampler.healthProbes(),
                    new StepAssembler.Context(
                            repeat,
                            o.split().loadBudgetCores(),
                            o.spec().request().delayMs(),
                            report,
                            stacks,
                            switches));
            windows.computeIfAbsent(w.stepId(), k -> new ArrayList<>()).add(w);
            measured.computeIfAbsent(w.stepId(), k -> new ArrayList<>()).add(m);
            failedLoad.computeIfAbsent(w.stepId(), k -> new ArrayList<>()).add(run.failure() != null || !w.complete());
            progress.measured(name, w, m);
            if (repeat == 1 && phases.isEmpty()) {
                phases.addAll(clock.marks(w.start()));
            }
        }
        if (!app.process().isAlive()) {
            return died(app, samples, run.windows(), "");
        }
        if (run.windows().isEmpty()) {
            return new VariantRun.Failure("error", "the load generator measured nothing: " + run.failure(), null);
        }
        return null;
    }

    /**
     * Why the app ended during a run, and in which step: an OOM kill by its cgroup, its own
     * OutOfMemoryError, or an exit; {@code elsewhere} says where when no step of {@code windows} does.
     */
    private VariantRun.Failure died(
            Bench.RunningApp app, List<Sample> samples, List<LoadWindow> windows, String elsewhere) {
        int exit = app.process().exitCode();
        long diedAt = Death.diedAt(samples);
        long settleMs = o.spec().load().settleSeconds() * 1000L;
        LoadWindow during = null;
        long stepStart = Long.MIN_VALUE;
        for (LoadWindow w : windows) {
            long rampStart = w.start().toEpochMilli() - w.rampSeconds() * 1000L - settleMs;
            if (rampStart <= diedAt) {
                during = w;
                stepStart = rampStart;
            }
        }
        String where = during == null
                ? elsewhere
                : during.open()
                        ? Analysis.fmt(" at %,d arrivals/s", during.rate())
                        : Analysis.fmt(" at %,d users", during.users())
                                + Death.inRamp(samples, during.users(), stepStart, during.rampSeconds());
        String held = Death.lastReadings(samples, stepStart);
        Optional<String> killed = app.isolation().killedBecause(exit);
        String step = during == null ? null : during.stepId();
        if (killed.isPresent()) {
            String message = killed.get() + where + held;
            progress.say("[%s] %s", app.launch().name(), message);
            return new VariantRun.Failure("oom-killed", message, step);
        }
        Death death = Death.fromLog(readQuietly(app.process().log()), exit);
        String message = death.words() + where + held + " (see logs/"
                + app.process().log().getFileName() + ")";
        progress.say("[%s] %s", app.launch().name(), message);
        return new VariantRun.Failure(death.kind(), message, step);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private List<Analysis.StepWindows> stepWindows(
            Map<String, List<LoadWindow>> windows,
            Map<String, List<Measurement>> measured,
            Map<String, List<Boolean>> failedLoad) {
        List<Analysis.StepWindows> steps = new ArrayList<>();
        for (Map.Entry<String, List<LoadWindow>> e : windows.entrySet()) {
            steps.add(new Analysis.StepWindows(
                    e.getKey(), e.getValue().getFirst(), measured.get(e.getKey()), failedLoad.get(e.getKey())));
        }
        return steps;
    }

    /** One chunk of the warm-up: the warm-up's users, one step, no report. */
    private LoadPlan warmupPlan(Bench.RunningApp app, Bench bench) {
        ScenarioSpec s = o.spec();
        return new LoadPlan(
                app.launch().name() + "-warmup",
                app.target(),
                s.request().endpoint(),
                s.warmup().query(s.request()),
                List.of(s.warmup().users()),
                0,
                0,
                s.warmup().chunkSeconds(),
                0,
                0,
                s.load().requestTimeoutMs(),
                false,
                bench.outDir().resolve("gatling"));
    }

    /** The scenario's steps as one load run. */
    private LoadPlan plan(Bench.RunningApp app, Bench bench, int repeat) {
        ScenarioSpec s = o.spec();
        ScenarioSpec.Load l = s.load();
        boolean open = "open".equals(l.kind());
        return new LoadPlan(
                app.launch().name() + (s.repeats() > 1 ? "-r" + repeat : ""),
                app.target(),
                s.request().endpoint(),
                s.request().query(),
                open ? List.of() : l.users(),
                l.rampSeconds(),
                l.settleSeconds(),
                l.stepSeconds(),
                open ? l.openRate() : "ladder".equals(l.kind()) ? l.openRate() : 0,
                open ? l.stepSeconds() : l.openSeconds(),
                l.requestTimeoutMs(),
                true,
                bench.outDir().resolve("gatling"));
    }

    private VariantRun variantRun(
            Launch launch,
            Bench bench,
            JsonNode settings,
            VariantRun.RuntimeInfo runtime,
            double startup,
            VariantRun.WarmupResult warmup,
            VariantRun.Ceilings ceilings,
            List<StepRun> steps,
            VariantRun.Failure failure) {
        Model model = launch.variant().model();
        return new VariantRun(
                launch.name(),
                launch.variant().app().id(),
                model.id(),
                new VariantRun.LaunchInfo(
                        launch.jar().toString(),
                        launch.variant().profiles(),
                        launch.extraArgs(),
                        bench.appJvmFlags(),
                        null),
                settings,
                runtime,
                startup,
                warmup,
                ceilings,
                steps,
                failure);
    }

    private static String describe(Environment.PodLimitsInfo l) {
        return Analysis.fmt(
                "%s: cpu %dm, memory %d MiB, %s%s",
                l.source(),
                l.cpuMillis(),
                l.memoryBytes() / (1024 * 1024),
                l.mechanism(),
                l.enforced() ? "" : " (NOT enforced: " + l.note() + ")");
    }
}
