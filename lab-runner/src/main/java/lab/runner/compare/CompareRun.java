package lab.runner.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import lab.gatling.stats.StepStats;
import lab.runner.bench.Bench;
import lab.runner.bench.Launch;
import lab.runner.load.LoadRequest;
import lab.runner.model.Model;
import lab.runner.model.StepEvidence;
import lab.runner.model.ValidityRules;
import lab.runner.model.Verdict;
import lab.runner.output.Environment;
import lab.runner.output.Results;
import lab.runner.output.ResultsFiles;
import lab.runner.output.RunSettings;
import lab.runner.output.StepResult;
import lab.runner.output.VariantResult;
import lab.runner.process.CpuLayout;
import lab.runner.process.JvmFlags;
import lab.runner.sampling.StepMetrics;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./lab compare}: for each variant, start it, warm it up, climb the closed-model ladder,
 * run one open-model step, stop it; then write the results and the report. Results are rewritten
 * after every variant, so an interrupted run keeps what it measured.
 */
public final class CompareRun {

    static final String THREAD_PER_REQUEST = "thread-per-request";

    private final CompareSettings settings;
    private final PrintStream out;
    private final ValidityRules rules;

    public CompareRun(CompareSettings settings, PrintStream out) {
        this(settings, out, ValidityRules.DEFAULTS);
    }

    CompareRun(CompareSettings settings, PrintStream out, ValidityRules rules) {
        this.settings = settings;
        this.out = out;
        this.rules = rules;
    }

    public Results run() throws IOException, InterruptedException {
        Instant started = Instant.now();
        CpuLayout layout = CpuLayout.detect(settings.appCpus());
        JvmFlags flags = new JvmFlags(settings.heapMiB(), settings.gc(), layout.appCpuCount(), false);
        int perVariant = settings.users().size() + (settings.openModelRate() > 0 ? 1 : 0);
        Progress progress = new Progress(out, settings.variants().size(), perVariant, settings.warmupSeconds());
        List<VariantResult> variants = new ArrayList<>();
        try (Bench bench = new Bench(settings.root(), settings.out(), layout, flags, settings.gatlingHeapMiB())) {
            String pinning = describePinning(layout, bench.java().canPin());
            progress.say("Output: %s", settings.out().toAbsolutePath());
            progress.say("CPUs: %s", pinning);
            progress.say("App JVM flags (all variants): %s", String.join(" ", flags.toList()));
            bench.startStub();
            progress.say("Stub up on port %d", bench.stubPort());
            for (Launch variant : settings.variants()) {
                variants.add(runVariant(bench, variant, progress));
                write(bench, pinning, started, null, variants);
            }
            Results results = write(bench, pinning, started, Instant.now(), variants);
            bench.close();
            progress.say("");
            Summary.print(out, results);
            progress.say("");
            if (ReportHook.write(settings.out(), out)) {
                progress.say("Report: %s", settings.out().resolve("report.html").toAbsolutePath());
            }
            progress.say(
                    "Results: %s",
                    settings.out().resolve(ResultsFiles.RESULTS_JSON).toAbsolutePath());
            return results;
        }
    }

    private Results write(Bench bench, String pinning, Instant started, Instant finished, List<VariantResult> variants)
            throws IOException {
        Environment env = EnvironmentProbe.describe(
                bench.layout(),
                pinning,
                bench.appJvmFlags(),
                bench.stubJvmFlags(),
                bench.gatlingJvmFlags(),
                started,
                finished);
        Results results = new Results(Results.SCHEMA_VERSION, env, runSettings(), variants, null);
        ResultsFiles.write(results, settings.out());
        return results;
    }

    RunSettings runSettings() {
        return new RunSettings(
                settings.scenario(),
                settings.quick(),
                settings.variants().stream().map(Launch::name).toList(),
                settings.users(),
                settings.delayMs(),
                settings.stepSeconds(),
                settings.rampSeconds(),
                settings.warmupSeconds(),
                settings.warmupUsers(),
                settings.openModelRate(),
                settings.openModelSeconds(),
                settings.heapMiB(),
                settings.gc(),
                settings.appCpus(),
                settings.requestTimeoutMs(),
                settings.limits(),
                "/api/io");
    }

    static String describePinning(CpuLayout layout, boolean taskset) {
        if (!layout.pinned() || !taskset) {
            return "NOT pinned (" + (taskset ? "only one CPU" : "no taskset") + "): app, stub and Gatling share "
                    + layout.appCpuList() + "; CPU figures mix, saturation checks are weaker";
        }
        return "app on CPU " + layout.appCpuList() + " (-XX:ActiveProcessorCount=" + layout.appCpuCount()
                + "), stub + Gatling on CPU " + layout.loadCpuList();
    }

    private VariantResult runVariant(Bench bench, Launch variant, Progress progress) throws InterruptedException {
        List<StepResult> steps = new ArrayList<>();
        Bench.RunningApp app = null;
        VariantResult.Warmup warmup = null;
        StepResult open = null;
        JsonNode lab = null;
        Integer maxThreads = variant.maxThreadsFromArgs();
        double startup = 0;
        try {
            app = bench.startApp(variant);
            startup = app.startupSeconds();
            lab = app.info().path("lab");
            maxThreads = threadBound(lab, variant);
            progress.variantStarted(variant.name(), startup);
            progress.say(
                    "[%s] model %s, max threads %s",
                    variant.name(), lab.path("model").asText("?"), maxThreads == null ? "not a limit" : maxThreads);
            warmup = warmUp(bench, app, progress);
            OptionalInt threads = maxThreads == null ? OptionalInt.empty() : OptionalInt.of(maxThreads);
            for (int users : settings.users()) {
                LoadRequest request = LoadRequest.closed(
                        variant.name() + "-" + users,
                        app.target(),
                        users,
                        settings.delayMs(),
                        settings.stepSeconds(),
                        settings.rampSeconds(),
                        settings.requestTimeoutMs());
                progress.stepStarting(
                        variant.name(), users + " users", settings.stepSeconds() + settings.rampSeconds());
                Bench.Measured m = bench.measure(app, request, true);
                StepResult step = ifAppDied(
                        app,
                        step(
                                "closed",
                                users,
                                null,
                                request,
                                m,
                                threads,
                                OptionalDouble.empty(),
                                steps.isEmpty(),
                                warmup != null,
                                bench));
                steps.add(step);
                progress.stepDone(
                        variant.name(), step, m.wallSeconds(), request.durationSeconds() + request.rampSeconds());
                requireAlive(app);
            }
            OptionalDouble ceiling = cpuCeiling(steps, bench.layout().appCpuCount());
            steps = steps.stream()
                    .map(s -> withPrediction(s, settings.delayMs(), threads, ceiling))
                    .toList();
            if (settings.openModelRate() > 0) {
                LoadRequest request = LoadRequest.open(
                        variant.name() + "-open-" + settings.openModelRate(),
                        app.target(),
                        settings.openModelRate(),
                        settings.delayMs(),
                        settings.openModelSeconds(),
                        settings.requestTimeoutMs());
                progress.stepStarting(
                        variant.name(),
                        "open model " + settings.openModelRate() + " req/s",
                        settings.openModelSeconds());
                Bench.Measured m = bench.measure(app, request, true);
                open = ifAppDied(
                        app,
                        step("open", null, settings.openModelRate(), request, m, threads, ceiling, false, true, bench));
                progress.stepDone(variant.name(), open, m.wallSeconds(), request.durationSeconds());
                requireAlive(app);
            }
            return variantResult(variant, bench, lab, maxThreads, ceiling, warmup, startup, steps, open, null);
        } catch (IOException | RuntimeException e) {
            progress.say("[%s] FAILED: %s", variant.name(), e.getMessage());
            return variantResult(
                    variant,
                    bench,
                    lab,
                    maxThreads,
                    OptionalDouble.empty(),
                    warmup,
                    startup,
                    steps,
                    open,
                    e.toString());
        } finally {
            if (app != null) {
                bench.stopApp(app);
            }
        }
    }

    private VariantResult.Warmup warmUp(Bench bench, Bench.RunningApp app, Progress progress)
            throws IOException, InterruptedException {
        if (settings.warmupSeconds() == 0) {
            progress.say(
                    "[%s] no warm-up: the first step will be marked invalid (cold JVM)",
                    app.variant().name());
            return null;
        }
        progress.say(
                "[%s] warm-up: %d users for %d s (not recorded)",
                app.variant().name(), settings.warmupUsers(), settings.warmupSeconds());
        LoadRequest request = LoadRequest.closed(
                        app.variant().name() + "-warmup",
                        app.target(),
                        settings.warmupUsers(),
                        settings.delayMs(),
                        settings.warmupSeconds(),
                        0,
                        settings.requestTimeoutMs())
                .withoutReport();
        Bench.Measured m = bench.measure(app, request, false);
        StepStats s = m.outcome().stats();
        return new VariantResult.Warmup(
                settings.warmupSeconds(),
                settings.warmupUsers(),
                s == null ? null : s.throughputRps(),
                s == null ? null : (double) s.p99Ms());
    }

    /** An app that exited during a step (e.g. OutOfMemoryError) invalidates the step and ends its variant. */
    static StepResult ifAppDied(Bench.RunningApp app, StepResult s) {
        if (app.process().isAlive()) {
            return s;
        }
        String died = appDiedReason(app);
        String reason = s.invalidReason() == null ? died : died + "; " + s.invalidReason();
        return new StepResult(
                s.model(),
                s.users(),
                s.rate(),
                s.durationSeconds(),
                s.throughputRps(),
                s.meanMs(),
                s.p50Ms(),
                s.p95Ms(),
                s.p99Ms(),
                s.maxMs(),
                s.ok(),
                s.ko(),
                s.errors(),
                s.predictedRps(),
                s.littlesLawRps(),
                s.threadCeilingRps(),
                s.cpuCeilingRps(),
                s.appCpuCores(),
                s.appCpuMsPerRequest(),
                s.appRssMiB(),
                s.appThreadsLive(),
                s.appOsThreads(),
                s.loadGenCpuCores(),
                s.stubCpuCores(),
                s.stubOverheadMs(),
                s.serverMeanMs(),
                s.downstreamMeanMs(),
                s.contextSwitchesPerRequest(),
                s.foreignCpuOnAppCores(),
                s.metersMax(),
                false,
                reason,
                s.gatlingReport(),
                s.start(),
                s.end(),
                s.series());
    }

    private static void requireAlive(Bench.RunningApp app) throws IOException {
        if (!app.process().isAlive()) {
            throw new IOException(appDiedReason(app));
        }
    }

    static String appDiedReason(Bench.RunningApp app) {
        String log;
        try {
            log = java.nio.file.Files.readString(app.process().log());
        } catch (IOException e) {
            log = "";
        }
        String why = log.contains("OutOfMemoryError")
                ? "OutOfMemoryError"
                : "exit code " + app.process().exitCode();
        return "app exited during the step (" + why + ", see "
                + app.process().log().getFileName() + ")";
    }

    /** Max threads when the app serves each request on a platform thread of a bounded pool, else null. */
    static Integer threadBound(JsonNode lab, Launch variant) {
        String model = lab.path("model").asText("");
        boolean bounded = model.isEmpty() ? variant.variant().model().threadBound() : THREAD_PER_REQUEST.equals(model);
        if (!bounded) {
            return null;
        }
        JsonNode fromInfo = lab.path("server").path("maxThreads");
        if (fromInfo.isNumber()) {
            return fromInfo.asInt();
        }
        return variant.maxThreadsFromArgs();
    }

    /** The CPU ceiling from valid steps (all steps if none is valid). */
    static OptionalDouble cpuCeiling(List<StepResult> steps, int appCpus) {
        List<StepResult> basis = steps.stream().anyMatch(StepResult::valid)
                ? steps.stream().filter(StepResult::valid).toList()
                : steps;
        return Model.cpuCeilingRps(
                basis.stream()
                        .map(s -> new Model.CpuPoint(s.appCpuCores(), s.throughputRps()))
                        .toList(),
                appCpus);
    }

    private StepResult step(
            String model,
            Integer users,
            Integer rate,
            LoadRequest request,
            Bench.Measured m,
            OptionalInt maxThreads,
            OptionalDouble ceiling,
            boolean firstStep,
            boolean warmedUp,
            Bench bench) {
        StepStats s = m.outcome().stats();
        StepMetrics x = m.metrics();
        Map<String, Long> errors = s == null ? Map.of() : s.errors();
        long ok = s == null ? 0 : s.ok();
        long ko = s == null ? 0 : s.ko();
        double rps = s == null ? 0 : s.throughputRps();
        Verdict verdict = rules.judge(new StepEvidence(
                warmedUp,
                firstStep,
                m.outcome().failed(),
                bench.layout().loadCpuCount(),
                bench.layout().appCpuCount(),
                x.loadGenCpuCores(),
                x.stubCpuCores(),
                x.appCpuCores(),
                x.stubOverheadMs(),
                request.delayMs(),
                x.metersMax().getOrDefault("lab_requests_in_progress", Double.NaN),
                errors,
                ok,
                ko,
                x.foreignCpuOnAppCores()));
        String reason = verdict.invalidReason();
        if (m.outcome().failure() != null) {
            reason = reason == null
                    ? m.outcome().failure()
                    : reason + "; " + m.outcome().failure();
        }
        int demand = users != null ? users : (int) Math.ceil(rate * request.delayMs() / 1000.0);
        double predicted = rate != null
                ? Math.min(rate, Model.predictedRps(Integer.MAX_VALUE / 2, request.delayMs(), maxThreads, ceiling))
                : Model.predictedRps(users, request.delayMs(), maxThreads, ceiling);
        return new StepResult(
                model,
                users,
                rate,
                request.durationSeconds(),
                rps,
                s == null ? 0 : s.meanMs(),
                s == null ? 0 : s.p50Ms(),
                s == null ? 0 : s.p95Ms(),
                s == null ? 0 : s.p99Ms(),
                s == null ? 0 : s.maxMs(),
                ok,
                ko,
                errors,
                predicted,
                Model.littlesLawRps(demand, request.delayMs()),
                maxThreads.isPresent() ? Model.threadCeilingRps(maxThreads.getAsInt(), request.delayMs()) : null,
                ceiling.isPresent() ? ceiling.getAsDouble() : null,
                x.appCpuCores(),
                rps > 0 ? x.appCpuCores() * 1000 / rps : null,
                x.appRssMiB(),
                x.jvmThreadsLive() > 0 ? x.jvmThreadsLive() : x.appOsThreads(),
                x.appOsThreads(),
                x.loadGenCpuCores(),
                x.stubCpuCores(),
                Double.isFinite(x.stubOverheadMs()) ? x.stubOverheadMs() : null,
                x.serverMeanMs(),
                x.downstreamMeanMs(),
                m.contextSwitches() != null && ok + ko > 0 ? (double) m.contextSwitches() / (ok + ko) : null,
                x.foreignCpuOnAppCores(),
                x.metersMax(),
                verdict.valid() && m.outcome().failure() == null,
                reason,
                m.reportPath(),
                s == null ? null : s.start().toString(),
                s == null ? null : s.end().toString(),
                x.series());
    }

    /** Closed-model predictions once the CPU ceiling is known (it is measured at the most loaded step). */
    static StepResult withPrediction(StepResult s, int delayMs, OptionalInt maxThreads, OptionalDouble ceiling) {
        double predicted = Model.predictedRps(s.users(), delayMs, maxThreads, ceiling);
        return new StepResult(
                s.model(),
                s.users(),
                s.rate(),
                s.durationSeconds(),
                s.throughputRps(),
                s.meanMs(),
                s.p50Ms(),
                s.p95Ms(),
                s.p99Ms(),
                s.maxMs(),
                s.ok(),
                s.ko(),
                s.errors(),
                predicted,
                s.littlesLawRps(),
                s.threadCeilingRps(),
                ceiling.isPresent() ? ceiling.getAsDouble() : null,
                s.appCpuCores(),
                s.appCpuMsPerRequest(),
                s.appRssMiB(),
                s.appThreadsLive(),
                s.appOsThreads(),
                s.loadGenCpuCores(),
                s.stubCpuCores(),
                s.stubOverheadMs(),
                s.serverMeanMs(),
                s.downstreamMeanMs(),
                s.contextSwitchesPerRequest(),
                s.foreignCpuOnAppCores(),
                s.metersMax(),
                s.valid(),
                s.invalidReason(),
                s.gatlingReport(),
                s.start(),
                s.end(),
                s.series());
    }

    private VariantResult variantResult(
            Launch variant,
            Bench bench,
            JsonNode lab,
            Integer maxThreads,
            OptionalDouble ceiling,
            VariantResult.Warmup warmup,
            double startup,
            List<StepResult> steps,
            StepResult open,
            String error) {
        Double cpuMs = ceiling.isPresent() ? 1000.0 * bench.layout().appCpuCount() / ceiling.getAsDouble() : null;
        return new VariantResult(
                variant.name(),
                variant.variant().app().id(),
                variant.jar().toString(),
                variant.variant().profiles(),
                variant.extraArgs(),
                bench.appJvmFlags(),
                lab,
                maxThreads,
                ceiling.isPresent() ? ceiling.getAsDouble() : null,
                cpuMs,
                warmup,
                startup,
                steps,
                open,
                error);
    }
}
