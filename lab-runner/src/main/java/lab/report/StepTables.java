package lab.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lab.runrecord.Measurement;
import lab.runrecord.RunResults;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;

/** The tables of steps and measurements, formatted once for report.html and summary.md. */
final class StepTables {

    static final String VALID = "yes";
    static final String INVALID = "NO";

    private StepTables() {}

    /** Every step of a variant with its headline figures: medians, with the min–max of the repeats. */
    static Table steps(RunResults run, VariantRun variant) {
        boolean limits = Runs.limits(run).isPresent();
        List<String> headers = new ArrayList<>(List.of(
                "step",
                "repeats",
                "rps",
                "per-s CV",
                "p50",
                "p99",
                "server p99",
                "server mean",
                "errors",
                "app CPU (cores)",
                "app CPU ms / req",
                "Gatling CPU ms / req",
                "stub CPU ms / req",
                "RSS (MiB)",
                "threads"));
        if (limits) {
            headers.addAll(List.of("throttled", "memory peak (MiB)"));
        }
        headers.add("valid");
        Table.Builder table = new Table.Builder("steps-" + variant.name(), variant.name(), "steps", headers);
        for (StepRun step : ordered(variant)) {
            Stat throughput = Steps.throughput(step);
            List<String> cells = new ArrayList<>(List.of(
                    Steps.label(step),
                    String.valueOf(step.repeats().size()),
                    Fmt.withRange(throughput, Fmt::count),
                    throughput == null ? Fmt.NONE : Fmt.percent(throughput.cv()),
                    Fmt.latencyWithRange(Steps.p50(step)),
                    Fmt.latencyWithRange(Steps.p99(step)),
                    Fmt.latencyWithRange(Steps.across(step, Figures::serverP99)),
                    Fmt.latencyWithRange(Steps.across(step, Figures::serverMean)),
                    Fmt.count(Steps.errors(step)),
                    Fmt.withRange(Steps.across(step, Figures::appCpuCores), Fmt::cores),
                    Fmt.withRange(Steps.cpuMsPerRequest(step), Fmt::cpuMs),
                    Fmt.withRange(Steps.across(step, Figures::gatlingCpuMsPerRequest), Fmt::cpuMs),
                    Fmt.withRange(Steps.across(step, Figures::stubCpuMsPerRequest), Fmt::cpuMs),
                    Fmt.withRange(Steps.across(step, Figures::rssMiB), Fmt::count),
                    Fmt.withRange(Steps.across(step, Figures::threads), Fmt::count)));
            if (limits) {
                cells.add(Fmt.withRange(Steps.across(step, Figures::throttledShare), Fmt::percent));
                cells.add(Fmt.withRange(Steps.across(step, Figures::memoryPeakMiB), Fmt::count));
            }
            cells.add(validity(step));
            table.row(
                    cells,
                    Steps.valid(step) ? "" : "invalid",
                    Optional.ofNullable(Steps.reason(step)).orElse(""));
        }
        return table.build();
    }

    /** "yes", "yes (cold)", "NO". */
    static String validity(StepRun step) {
        String valid = Steps.valid(step) ? VALID : INVALID;
        return Steps.cold(step) ? valid + " (cold)" : valid;
    }

    /** Each step against its model, and the one cause that limited it. */
    static Table model(VariantRun variant) {
        Table.Builder table = new Table.Builder(
                "model-" + variant.name(),
                variant.name() + ": model and bottleneck",
                "steps",
                List.of(
                        "step",
                        "Little's law",
                        "thread ceiling",
                        "CPU ceiling",
                        "pool ceiling",
                        "predicted",
                        "basis",
                        "measured",
                        "measured / predicted",
                        "note",
                        "bottleneck",
                        "its figure",
                        "share of the limit"));
        for (StepRun step : ordered(variant)) {
            StepRun.Prediction p = step.prediction();
            StepRun.Bottleneck b = step.bottleneck();
            Stat measured = Steps.throughput(step);
            table.row(
                    List.of(
                            Steps.label(step),
                            p == null ? Fmt.NONE : Fmt.count(p.littlesLawRps()),
                            p == null ? Fmt.NONE : Fmt.count(p.threadCeilingRps()),
                            p == null ? Fmt.NONE : Fmt.count(p.cpuCeilingRps()),
                            p == null ? Fmt.NONE : Fmt.count(p.poolCeilingRps()),
                            p == null ? Fmt.NONE : Fmt.count(p.predictedRps()),
                            p == null ? Fmt.NONE : Fmt.text(p.basis()),
                            measured == null ? Fmt.NONE : Fmt.count(measured.median()),
                            Fmt.decimal(Steps.measuredOverPredicted(step), 2),
                            p == null || p.note() == null ? "" : p.note(),
                            b == null ? Fmt.NONE : Words.causeShort(b.cause()),
                            b == null || b.figure() == null ? "" : b.figure(),
                            b == null ? Fmt.NONE : Fmt.percent(b.value())),
                    Steps.valid(step) ? "" : "invalid",
                    Optional.ofNullable(Steps.reason(step)).orElse(""));
        }
        return table.build();
    }

    /** The bottleneck of every step of every variant, side by side. */
    static Table bottlenecks(RunResults run) {
        List<String> headers = new ArrayList<>(List.of("step"));
        headers.addAll(Runs.names(run));
        Table.Builder table = new Table.Builder("bottlenecks", "", "steps", headers);
        Set<String> labels = new LinkedHashSet<>();
        run.variants().forEach(v -> ordered(v).forEach(step -> labels.add(Steps.label(step))));
        for (String label : labels) {
            List<String> cells = new ArrayList<>(List.of(label));
            for (VariantRun variant : run.variants()) {
                cells.add(variant.steps().stream()
                        .filter(step -> Steps.label(step).equals(label))
                        .findFirst()
                        .map(StepTables::bottleneckCell)
                        .orElse(""));
            }
            table.row(cells);
        }
        return table.build();
    }

    private static String bottleneckCell(StepRun step) {
        if (!Steps.valid(step)) {
            return "(invalid step)";
        }
        if (step.bottleneck() == null) {
            return Fmt.NONE;
        }
        String figure =
                step.bottleneck().figure() == null || step.bottleneck().figure().isBlank()
                        ? ""
                        : ": " + step.bottleneck().figure();
        return Words.causeShort(step.bottleneck().cause()) + figure;
    }

    /** The spread the runner computed for each headline figure. */
    static Table spread(VariantRun variant) {
        Table.Builder table = new Table.Builder(
                "spread-" + variant.name(),
                "Spread across repeats",
                "steps",
                List.of("step", "figure", "median", "min", "max", "n", "per-second CV"));
        for (StepRun step : ordered(variant)) {
            if (step.spread() == null) {
                continue;
            }
            figureRow(table, step, "throughput (rps)", step.spread().throughputRps(), Fmt::count);
            figureRow(table, step, "p50", step.spread().p50Ms(), Fmt::duration);
            figureRow(table, step, "p99", step.spread().p99Ms(), Fmt::duration);
            figureRow(table, step, "app CPU ms / req", step.spread().cpuMsPerRequest(), Fmt::cpuMs);
        }
        return table.build();
    }

    private static void figureRow(
            Table.Builder table, StepRun step, String name, StepRun.Figure figure, Function<Double, String> format) {
        if (figure == null) {
            return;
        }
        table.row(List.of(
                Steps.label(step),
                name,
                format.apply(figure.median()),
                format.apply(figure.min()),
                format.apply(figure.max()),
                Fmt.count(figure.n()),
                Fmt.percent(figure.perSecondCv())));
    }

    /** Every repeat: what the client and the app's timers saw. */
    static Table client(VariantRun variant) {
        Table.Builder table = new Table.Builder(
                "client-" + variant.name(),
                "Client and server, every repeat",
                "steps",
                List.of(
                        "step",
                        "id",
                        "repeat",
                        "window",
                        "load",
                        "rps",
                        "offered",
                        "ok",
                        "ko",
                        "errors by class",
                        "mean",
                        "p50",
                        "p95",
                        "p99",
                        "max",
                        "server mean",
                        "server p99",
                        "downstream mean",
                        "health probe",
                        "Gatling report"));
        forEachRepeat(
                variant,
                (step, m) -> {
                    Measurement.Client c = m.client();
                    Measurement.Latency l = c == null ? null : c.latency();
                    Measurement.Server s = m.server();
                    return List.of(
                            Steps.label(step),
                            step.id(),
                            String.valueOf(m.repeat()),
                            window(m.window()),
                            load(step.load()),
                            c == null ? Fmt.NONE : Fmt.count(c.throughputRps()),
                            c == null ? Fmt.NONE : Fmt.count(c.offeredRps()),
                            c == null ? Fmt.NONE : Fmt.count(c.ok()),
                            c == null ? Fmt.NONE : Fmt.count(c.ko()),
                            c == null ? Fmt.NONE : classes(c.errors()),
                            l == null ? Fmt.NONE : Fmt.duration(l.meanMs()),
                            l == null ? Fmt.NONE : Fmt.duration(l.p50Ms()),
                            l == null ? Fmt.NONE : Fmt.duration(l.p95Ms()),
                            l == null ? Fmt.NONE : Fmt.duration(l.p99Ms()),
                            l == null ? Fmt.NONE : Fmt.duration(l.maxMs()),
                            s == null ? Fmt.NONE : Fmt.duration(s.meanMs()),
                            s == null ? Fmt.NONE : Fmt.duration(s.p99Ms()),
                            s == null ? Fmt.NONE : Fmt.duration(s.downstreamMeanMs()),
                            s == null ? Fmt.NONE : Fmt.duration(s.healthProbeMs()),
                            m.gatlingReport() == null ? Fmt.NONE : m.gatlingReport());
                },
                table);
        return table.build();
    }

    /** Every repeat: the app process, its JVM, its GC, heap, client pool and fan-out executor. */
    static Table app(VariantRun variant) {
        Table.Builder table = new Table.Builder(
                "app-" + variant.name(),
                "App and JVM, every repeat",
                "steps",
                List.of(
                        "step",
                        "repeat",
                        "CPU (cores)",
                        "CPU ms / req",
                        "RSS (MiB)",
                        "OS threads",
                        "JVM live threads",
                        "busy threads (max)",
                        "event-loop pending (max)",
                        "in flight (max)",
                        "GC pause time",
                        "GC CPU share",
                        "GC pauses",
                        "longest GC pause",
                        "heap used (max MiB)",
                        "heap live after GC (MiB)",
                        "heap max (MiB)",
                        "heap live share",
                        "client pool active (max)",
                        "client pool pending (max)",
                        "client pool size",
                        "fan-out executor active (max)",
                        "fan-out executor queued (max)",
                        "fan-out executor size",
                        "context switches / req",
                        "failed scrapes",
                        "NMT threads",
                        "thread stacks reserved (MiB)",
                        "thread stacks committed (MiB)"));
        forEachRepeat(
                variant,
                (step, m) -> {
                    Measurement.App a = m.app();
                    if (a == null) {
                        List<String> empty = new ArrayList<>(List.of(Steps.label(step), String.valueOf(m.repeat())));
                        while (empty.size() < table.width()) {
                            empty.add(Fmt.NONE);
                        }
                        return empty;
                    }
                    Measurement.Gc gc = a.gc();
                    Measurement.Heap heap = a.heap();
                    Measurement.ClientPool pool = a.clientPool();
                    Measurement.Executor executor = a.executor();
                    Measurement.ThreadStacks stacks = a.threadStacks();
                    return List.of(
                            Steps.label(step),
                            String.valueOf(m.repeat()),
                            Fmt.cores(a.cpuCores()),
                            Fmt.cpuMs(a.cpuMsPerRequest()),
                            Fmt.count(a.rssMiB()),
                            Fmt.count(a.osThreads()),
                            Fmt.count(a.jvmThreadsLive()),
                            Fmt.count(a.threadsBusyMax()),
                            Fmt.count(a.eventLoopPendingMax()),
                            Fmt.count(a.inFlightMax()),
                            gc == null ? Fmt.NONE : Fmt.percent(gc.pauseShare()),
                            gc == null ? Fmt.NONE : Fmt.percent(gc.cpuShare()),
                            gc == null ? Fmt.NONE : Fmt.count(gc.pauses()),
                            gc == null ? Fmt.NONE : Fmt.duration(gc.maxPauseMs()),
                            heap == null ? Fmt.NONE : Fmt.count(heap.usedMaxMiB()),
                            heap == null ? Fmt.NONE : Fmt.count(heap.liveAfterGcMiB()),
                            heap == null ? Fmt.NONE : Fmt.count(heap.maxMiB()),
                            heap == null ? Fmt.NONE : Fmt.percent(heap.liveShare()),
                            pool == null ? Fmt.NONE : Fmt.count(pool.activeMax()),
                            pool == null ? Fmt.NONE : Fmt.count(pool.pendingMax()),
                            pool == null ? Fmt.NONE : Fmt.count(pool.maxConnections()),
                            executor == null ? Fmt.NONE : Fmt.count(executor.activeMax()),
                            executor == null ? Fmt.NONE : Fmt.count(executor.queuedMax()),
                            executor == null ? Fmt.NONE : Fmt.count(executor.maxThreads()),
                            Fmt.decimal(a.contextSwitchesPerRequest(), 1),
                            Fmt.count(a.failedScrapes()),
                            stacks == null ? Fmt.NONE : Fmt.count(stacks.threads()),
                            stacks == null ? Fmt.NONE : Fmt.count(stacks.reservedMiB()),
                            stacks == null ? Fmt.NONE : Fmt.count(stacks.committedMiB()));
                },
                table);
        return table.build();
    }

    /** Every repeat: the cgroup's counters and what the load side cost. */
    static Table load(VariantRun variant) {
        Table.Builder table = new Table.Builder(
                "load-" + variant.name(),
                "cgroup and load side, every repeat",
                "steps",
                List.of(
                        "step",
                        "repeat",
                        "throttled periods",
                        "throttled time",
                        "memory peak (MiB)",
                        "memory limit (MiB)",
                        "OOM kills",
                        "Gatling CPU (cores)",
                        "Gatling CPU ms / req",
                        "stub CPU (cores)",
                        "stub CPU ms / req",
                        "load CPU budget (cores)",
                        "stub overhead (p90)",
                        "foreign CPU on the app's cores"));
        forEachRepeat(
                variant,
                (step, m) -> {
                    Measurement.Cgroup g = m.cgroup();
                    Measurement.LoadSide l = m.loadSide();
                    return List.of(
                            Steps.label(step),
                            String.valueOf(m.repeat()),
                            g == null ? Fmt.NONE : Fmt.percent(g.throttledShare()),
                            g == null ? Fmt.NONE : Fmt.shortSeconds(g.throttledSeconds()),
                            g == null ? Fmt.NONE : Fmt.count(g.memoryPeakMiB()),
                            g == null ? Fmt.NONE : Fmt.count(g.memoryLimitMiB()),
                            g == null ? Fmt.NONE : Fmt.count(g.oomKills()),
                            l == null ? Fmt.NONE : Fmt.cores(l.gatlingCpuCores()),
                            l == null ? Fmt.NONE : Fmt.cpuMs(l.gatlingCpuMsPerRequest()),
                            l == null ? Fmt.NONE : Fmt.cores(l.stubCpuCores()),
                            l == null ? Fmt.NONE : Fmt.cpuMs(l.stubCpuMsPerRequest()),
                            l == null ? Fmt.NONE : Fmt.cores(l.loadCpuBudget()),
                            l == null ? Fmt.NONE : Fmt.duration(l.stubOverheadMs()),
                            l == null ? Fmt.NONE : Fmt.cores(l.foreignCpuOnAppCores()));
                },
                table);
        return table.build();
    }

    /** The c10k scenario's table: what holding thousands of requests cost each variant. */
    static Table c10k(RunResults run) {
        Table.Builder table = new Table.Builder(
                "c10k",
                Fmt.count(C10kCharts.inFlight(run)) + " requests in flight",
                "steps",
                List.of(
                        "variant",
                        "in flight",
                        "ok / errors",
                        "p99",
                        "OS threads",
                        "JVM live threads",
                        "RSS (MiB)",
                        "NMT threads",
                        "thread stacks reserved / committed (MiB)",
                        "context switches / req",
                        "app CPU (cores)",
                        "valid"));
        for (VariantRun variant : run.variants()) {
            StepRun step = C10kCharts.step(variant);
            if (step == null) {
                String failure = Runs.failure(run, variant);
                if (failure != null) {
                    // died before its window: what it held then is in the failure's words
                    List<String> cells = new ArrayList<>(List.of(variant.name()));
                    while (cells.size() < table.width() - 1) {
                        cells.add(Fmt.NONE);
                    }
                    cells.add("NO: " + failure);
                    table.row(cells, "invalid", failure);
                }
                continue;
            }
            Stat threads = Steps.across(step, Figures::osThreads);
            table.row(
                    List.of(
                            variant.name(),
                            Fmt.count(step.load().users()),
                            Fmt.count(Steps.median(step, Figures::ok)) + " / "
                                    + Fmt.count(Steps.median(step, Figures::ko)),
                            Fmt.latencyWithRange(Steps.p99(step)),
                            Fmt.withRange(threads, Fmt::count),
                            Fmt.withRange(
                                    Steps.across(
                                            step,
                                            m -> m.app() == null
                                                    ? null
                                                    : m.app().jvmThreadsLive()),
                                    Fmt::count),
                            Fmt.withRange(Steps.across(step, Figures::rssMiB), Fmt::count),
                            Fmt.withRange(Steps.across(step, Figures::stackThreads), Fmt::count),
                            stacks(step),
                            Fmt.withRange(
                                    Steps.across(step, Figures::contextSwitchesPerRequest), v -> Fmt.decimal(v, 1)),
                            Fmt.withRange(Steps.across(step, Figures::appCpuCores), Fmt::cores),
                            validity(step)),
                    Steps.valid(step) ? "" : "invalid",
                    Optional.ofNullable(Steps.reason(step)).orElse(""));
        }
        return table.build();
    }

    /** "8,570 / 796": Native Memory Tracking's reserved and committed thread stacks (medians). */
    private static String stacks(StepRun step) {
        Double reserved = Steps.median(step, Figures::stacksReservedMiB);
        Double committed = Steps.median(step, Figures::stacksCommittedMiB);
        return reserved == null && committed == null ? Fmt.NONE : Fmt.count(reserved) + " / " + Fmt.count(committed);
    }

    /** What the runner derived over time for each time-series step: the phases as they happened, queue, recovery. */
    static Table timeline(VariantRun variant) {
        Table.Builder table = new Table.Builder(
                "timeline-" + variant.name(),
                variant.name() + ": over time",
                "steps",
                List.of(
                        "step",
                        "phases (start–end, s)",
                        "baseline p99",
                        "peak in flight",
                        "predicted peak queue",
                        "recovery",
                        "predicted recovery",
                        "steady rps",
                        "to 90 % of steady"));
        for (StepRun step : ordered(variant)) {
            StepRun.Timeline t = step.timeline();
            if (t == null) {
                continue;
            }
            table.row(
                    List.of(
                            Steps.label(step),
                            t.phases().isEmpty()
                                    ? "none"
                                    : t.phases().stream()
                                            .map(p -> p.name() + " (+" + Fmt.count(p.extraLatencyMs()) + " ms) "
                                                    + Fmt.decimal(p.startT(), 1) + "–" + Fmt.decimal(p.endT(), 1))
                                            .collect(Collectors.joining("; ")),
                            Fmt.duration(t.baselineP99Ms()),
                            Fmt.count(t.peakInFlight()),
                            Fmt.count(t.predictedPeakQueue()),
                            Fmt.shortSeconds(t.recoverySeconds()),
                            Fmt.shortSeconds(t.predictedRecoverySeconds()),
                            Fmt.count(t.steadyRps()),
                            Fmt.shortSeconds(t.secondsTo90Percent())),
                    Steps.valid(step) ? "" : "invalid",
                    Optional.ofNullable(Steps.reason(step)).orElse(""));
        }
        return table.build();
    }

    /** One line per variant: start-up, warm-up, ceilings, where it ran, how it ended. */
    static Table variants(RunResults run) {
        Table.Builder table = new Table.Builder(
                "variants",
                "",
                "steps",
                List.of(
                        "variant",
                        "app",
                        "model",
                        "ready after",
                        "warm-up",
                        "stable after",
                        "max threads",
                        "overhead per request",
                        "thread ceiling",
                        "CPU ms / req",
                        "CPU ceiling",
                        "cgroup",
                        "stopped early"));
        for (VariantRun variant : run.variants()) {
            VariantRun.WarmupResult w = variant.warmup();
            VariantRun.Ceilings c = variant.ceilings();
            String failure = Runs.failure(run, variant);
            table.row(
                    List.of(
                            variant.name(),
                            Fmt.text(variant.app()),
                            Fmt.text(variant.model()),
                            Fmt.shortSeconds(variant.startupSeconds()),
                            w == null
                                    ? "none"
                                    : Fmt.count(w.users()) + " users, " + Fmt.shortSeconds(w.seconds()) + " of load"
                                            + (w.rule() == null ? "" : "; " + w.rule()),
                            w == null ? Fmt.NONE : w.stable() ? Fmt.shortSeconds(w.secondsToStable()) : "never (cold)",
                            c == null ? Fmt.NONE : Fmt.count(c.maxThreads()),
                            c == null ? Fmt.NONE : Fmt.duration(c.perRequestOverheadMs()),
                            c == null ? Fmt.NONE : Fmt.rps(c.threadCeilingRps()),
                            c == null ? Fmt.NONE : Fmt.cpuMs(c.cpuMsPerRequest()),
                            c == null ? Fmt.NONE : Fmt.rps(c.cpuCeilingRps()),
                            variant.launch() == null || variant.launch().cgroup() == null
                                    ? Fmt.NONE
                                    : variant.launch().cgroup(),
                            failure == null ? "" : failure),
                    failure == null ? "" : "invalid",
                    "");
        }
        return table.build();
    }

    /** Every warm-up chunk of a variant. */
    static Table warmup(VariantRun variant) {
        Table.Builder table = new Table.Builder(
                "warmup-" + variant.name(),
                "Warm-up chunks",
                "steps",
                List.of("seconds of load", "rps", "CPU ms / req", "p99", "Gatling CPU ms / req"));
        if (variant.warmup() != null) {
            variant.warmup()
                    .chunks()
                    .forEach(chunk -> table.row(List.of(
                            Fmt.shortSeconds(chunk.t()),
                            Fmt.count(chunk.throughputRps()),
                            Fmt.cpuMs(chunk.cpuMsPerRequest()),
                            Fmt.duration(chunk.p99Ms()),
                            Fmt.cpuMs(chunk.loadGenCpuMsPerRequest()))));
        }
        return table.build();
    }

    static Table invalid(RunResults run) {
        Table.Builder table = new Table.Builder("invalid", "", "invalid", List.of("variant", "step", "reason"));
        InvalidStep.all(run).forEach(i -> table.row(List.of(i.variant(), i.step(), i.reason())));
        return table.build();
    }

    /** The ladder by users, then the other steps in run order. */
    static List<StepRun> ordered(VariantRun variant) {
        List<StepRun> steps = new ArrayList<>(Steps.closed(variant));
        variant.steps().stream().filter(step -> !steps.contains(step)).forEach(steps::add);
        return steps;
    }

    private interface RepeatRow {
        List<String> cells(StepRun step, Measurement m);
    }

    private static void forEachRepeat(VariantRun variant, RepeatRow row, Table.Builder table) {
        for (StepRun step : ordered(variant)) {
            for (Measurement m : step.repeats()) {
                table.row(
                        row.cells(step, m),
                        Steps.valid(step) ? "" : "invalid",
                        Optional.ofNullable(Steps.reason(step)).orElse(""));
            }
        }
    }

    private static String window(Measurement.Window window) {
        if (window == null) {
            return Fmt.NONE;
        }
        return window.start() + " – " + window.end() + " (" + Fmt.shortSeconds(window.seconds()) + ")";
    }

    private static String load(StepRun.StepLoad load) {
        String what = load.open()
                ? Fmt.count(load.rate()) + " req/s (open)"
                : Fmt.count(load.users()) + " users (" + load.model() + ")";
        return what + ", " + load.steadySeconds() + " s steady after " + load.rampSeconds() + " s ramp";
    }

    private static String classes(Map<String, Long> errors) {
        return errors.isEmpty()
                ? ""
                : errors.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + ": " + Fmt.count(e.getValue()))
                        .collect(Collectors.joining("; "));
    }
}
