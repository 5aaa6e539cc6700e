package lab.runner.c10k;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import lab.gatling.stats.StepStats;
import lab.runner.bench.Bench;
import lab.runner.bench.Launch;
import lab.runner.compare.EnvironmentProbe;
import lab.runner.compare.ReportHook;
import lab.runner.load.LoadRequest;
import lab.runner.model.StepEvidence;
import lab.runner.model.ValidityRules;
import lab.runner.model.Verdict;
import lab.runner.output.C10kResult;
import lab.runner.output.Results;
import lab.runner.output.ResultsFiles;
import lab.runner.output.RunSettings;
import lab.runner.process.CpuLayout;
import lab.runner.process.JvmFlags;
import lab.runner.sampling.StepMetrics;

/**
 * {@code ./lab compare --scenario c10k}: hold ~10,000 requests in flight (a long downstream delay
 * keeps the request rate low, so this is about concurrency, not throughput) against each variant,
 * and measure what it costs: threads, RSS, thread stacks reserved vs committed (Native Memory
 * Tracking, read mid-step while everything is in flight), context switches per request.
 */
public final class C10kRun {

    static final int SEED_THREADS = 10_000;
    static final int SEED_STACK_KIB = 1024;
    private static final double KIB_PER_MIB = 1024.0;
    /** Gatling JVM start-up before its users start, added to the moment NMT is read. */
    private static final long GATLING_START_ALLOWANCE_S = 4;

    private final C10kSettings settings;
    private final PrintStream out;
    private final ValidityRules rules = ValidityRules.DEFAULTS;

    public C10kRun(C10kSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public C10kResult run() throws IOException, InterruptedException {
        Instant started = Instant.now();
        CpuLayout layout = CpuLayout.detect(settings.appCpus());
        JvmFlags flags = new JvmFlags(settings.heapMiB(), settings.gc(), layout.appCpuCount(), true);
        List<C10kResult.C10kVariant> variants = new ArrayList<>();
        say("c10k: %s", settings.inFlightReason());
        say(
                "each variant: %,d users, %d ms downstream delay, %d s (+%d s ramp); output %s",
                settings.inFlight(),
                settings.delayMs(),
                settings.stepSeconds(),
                settings.rampSeconds(),
                settings.out().toAbsolutePath());
        C10kResult result;
        try (Bench bench = new Bench(settings.root(), settings.out(), layout, flags, settings.gatlingHeapMiB())) {
            bench.startStub();
            for (Launch variant : settings.variants()) {
                variants.add(runVariant(bench, variant, variants.size() + 1));
                result = write(bench, started, null, variants);
            }
            result = write(bench, started, Instant.now(), variants);
        }
        say("");
        say(
                "%-8s | %10s | %8s | %9s | %8s | %8s | %21s | %9s",
                "variant", "ok/ko", "p99 ms", "threads", "RSS MiB", "NMT thr", "stack res/commit MiB", "cs/req");
        for (C10kResult.C10kVariant v : result.variants()) {
            say(
                    "%-8s | %10s | %,8.0f | %,9d | %,8.0f | %8s | %21s | %9s%s",
                    v.name(),
                    v.ok() + "/" + v.ko(),
                    v.p99Ms(),
                    v.threadsLive(),
                    v.rssMiB(),
                    v.nmtThreads() == null ? "-" : String.format(Locale.ROOT, "%,d", v.nmtThreads()),
                    v.threadStackReservedMiB() == null
                            ? "-"
                            : String.format(
                                    Locale.ROOT,
                                    "%,.0f / %,.0f",
                                    v.threadStackReservedMiB(),
                                    v.threadStackCommittedMiB()),
                    v.contextSwitchesPerRequest() == null
                            ? "-"
                            : String.format(Locale.ROOT, "%.1f", v.contextSwitchesPerRequest()),
                    v.valid() ? "" : "  INVALID: " + v.invalidReason());
        }
        say(
                "seed's estimate: %,d threads x 1 MiB stack = %,.0f MiB (reserved address space, not RSS)",
                SEED_THREADS, SEED_THREADS * SEED_STACK_KIB / KIB_PER_MIB);
        if (ReportHook.write(settings.out(), out)) {
            say("Report: %s", settings.out().resolve("report.html").toAbsolutePath());
        }
        return result;
    }

    private C10kResult.C10kVariant runVariant(Bench bench, Launch variant, int index) throws InterruptedException {
        say("== %s (%d of %d)", variant.name(), index, settings.variants().size());
        Bench.RunningApp app = null;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            app = bench.startApp(variant);
            if (settings.warmupSeconds() > 0) {
                say(
                        "[%s] warm-up: %d users, %d ms delay, %d s",
                        variant.name(), settings.warmupUsers(), settings.warmupDelayMs(), settings.warmupSeconds());
                bench.measure(
                        app,
                        LoadRequest.closed(
                                        variant.name() + "-c10k-warmup",
                                        app.target(),
                                        settings.warmupUsers(),
                                        settings.warmupDelayMs(),
                                        settings.warmupSeconds(),
                                        0,
                                        10_000)
                                .withoutReport(),
                        false);
            }
            LoadRequest request = new LoadRequest(
                    variant.name() + "-c10k",
                    LoadRequest.CLOSED,
                    app.target(),
                    settings.inFlight(),
                    0,
                    settings.delayMs(),
                    settings.stepSeconds(),
                    settings.rampSeconds(),
                    settings.requestTimeoutMs(),
                    settings.inFlight(),
                    true);
            long pid = app.process().pid();
            long nmtAt = GATLING_START_ALLOWANCE_S + settings.rampSeconds() + settings.stepSeconds() / 2;
            ScheduledFuture<Optional<NativeMemory>> nmt = timer.schedule(
                    () -> NativeMemory.read(
                            bench.java().jdkTool("jcmd"),
                            pid,
                            bench.java().canPin() ? bench.layout().loadCpuList() : null),
                    nmtAt,
                    TimeUnit.SECONDS);
            say(
                    "[%s] %,d users for %d s (NMT read at ~%d s)",
                    variant.name(), settings.inFlight(), settings.rampSeconds() + settings.stepSeconds(), nmtAt);
            Bench.Measured m = bench.measure(app, request, true);
            Optional<NativeMemory> memory = nmt.get();
            C10kResult.C10kVariant v = toResult(variant, bench, m, memory.orElse(null));
            say(
                    "[%s]   -> ok %,d ko %,d, p99 %,.0f ms, threads %,d, RSS %,.0f MiB, stack committed %s MiB%s",
                    v.name(),
                    v.ok(),
                    v.ko(),
                    v.p99Ms(),
                    v.threadsLive(),
                    v.rssMiB(),
                    v.threadStackCommittedMiB() == null
                            ? "?"
                            : String.format(Locale.ROOT, "%,.0f", v.threadStackCommittedMiB()),
                    v.valid() ? "" : "  INVALID: " + v.invalidReason());
            return v;
        } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException e) {
            say("[%s] FAILED: %s", variant.name(), e.getMessage());
            return new C10kResult.C10kVariant(
                    variant.name(),
                    settings.inFlight(),
                    0,
                    0,
                    Map.of(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    null,
                    null,
                    null,
                    null,
                    0,
                    0,
                    false,
                    "failed: " + e.getMessage(),
                    null,
                    e.toString());
        } finally {
            timer.shutdownNow();
            if (app != null) {
                bench.stopApp(app);
            }
        }
    }

    private C10kResult.C10kVariant toResult(Launch variant, Bench bench, Bench.Measured m, NativeMemory memory) {
        StepStats s = m.outcome().stats();
        StepMetrics x = m.metrics();
        long ok = s == null ? 0 : s.ok();
        long ko = s == null ? 0 : s.ko();
        Map<String, Long> errors = s == null ? Map.of() : s.errors();
        Verdict verdict = rules.judge(new StepEvidence(
                settings.warmupSeconds() > 0,
                true,
                m.outcome().failed(),
                bench.layout().loadCpuCount(),
                bench.layout().appCpuCount(),
                x.loadGenCpuCores(),
                x.stubCpuCores(),
                x.appCpuCores(),
                x.stubOverheadMs(),
                settings.delayMs(),
                x.metersMax().getOrDefault("lab_requests_in_progress", Double.NaN),
                errors,
                ok,
                ko,
                x.foreignCpuOnAppCores()));
        return new C10kResult.C10kVariant(
                variant.name(),
                settings.inFlight(),
                ok,
                ko,
                errors,
                s == null ? 0 : s.throughputRps(),
                s == null ? 0 : s.p50Ms(),
                s == null ? 0 : s.p99Ms(),
                s == null ? 0 : s.maxMs(),
                Math.max(x.jvmThreadsLive(), x.appOsThreads()),
                x.appOsThreads(),
                x.appRssMiB(),
                memory == null ? null : memory.threads(),
                memory == null ? null : memory.stackReservedMiB(),
                memory == null ? null : memory.stackCommittedMiB(),
                m.contextSwitches() != null && ok + ko > 0 ? (double) m.contextSwitches() / (ok + ko) : null,
                x.appCpuCores(),
                x.loadGenCpuCores(),
                verdict.valid() && m.outcome().failure() == null,
                m.outcome().failure() != null
                        ? join(verdict.invalidReason(), m.outcome().failure())
                        : verdict.invalidReason(),
                m.reportPath(),
                null);
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    private C10kResult write(Bench bench, Instant started, Instant finished, List<C10kResult.C10kVariant> variants)
            throws IOException {
        C10kResult c10k = new C10kResult(
                settings.inFlight(),
                settings.inFlightReason(),
                settings.nofileLimit(),
                settings.delayMs(),
                settings.stepSeconds(),
                new C10kResult.SeedEstimate(SEED_THREADS, SEED_STACK_KIB, SEED_THREADS * SEED_STACK_KIB / KIB_PER_MIB),
                variants);
        RunSettings run = new RunSettings(
                "c10k",
                settings.quick(),
                settings.variants().stream().map(Launch::name).toList(),
                List.of(settings.inFlight()),
                settings.delayMs(),
                settings.stepSeconds(),
                settings.rampSeconds(),
                settings.warmupSeconds(),
                settings.warmupUsers(),
                0,
                0,
                settings.heapMiB(),
                settings.gc(),
                settings.appCpus(),
                settings.requestTimeoutMs(),
                null,
                "/api/io");
        String pinning = "app on CPU " + bench.layout().appCpuList() + ", stub + Gatling on CPU "
                + bench.layout().loadCpuList();
        ResultsFiles.write(
                new Results(
                        Results.SCHEMA_VERSION,
                        EnvironmentProbe.describe(
                                bench.layout(),
                                pinning,
                                bench.appJvmFlags(),
                                bench.stubJvmFlags(),
                                bench.gatlingJvmFlags(),
                                started,
                                finished),
                        run,
                        List.of(),
                        c10k),
                settings.out());
        return c10k;
    }

    private void say(String format, Object... args) {
        out.printf(Locale.ROOT, format + "%n", args);
        out.flush();
    }
}
