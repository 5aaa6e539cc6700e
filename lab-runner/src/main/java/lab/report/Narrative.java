package lab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import lab.runrecord.Environment;
import lab.runrecord.RunResults;
import lab.runrecord.StepRun;
import lab.runrecord.StepRun.Bottleneck;
import lab.runrecord.VariantRun;

/**
 * The plain-language reading of a run, generated from its numbers against the scenario's model:
 * where each variant hit its ceiling and what bound it, how the measurements compare with their
 * predictions, what the phases, the cold start or the c10k load did, and which steps cannot be
 * trusted. A difference between two figures is stated only when it is larger than their spread;
 * invalid steps are left out of every finding and listed as warnings instead.
 */
final class Narrative {

    private final RunResults run;
    private final ReportThresholds thresholds;

    Narrative(RunResults run, ReportThresholds thresholds) {
        this.run = run;
        this.thresholds = thresholds;
    }

    /**
     * @param findings what the numbers say, one self-contained sentence or two per line
     * @param warnings what was left out of the findings, and why
     */
    record Reading(List<String> findings, List<String> warnings) {}

    Reading read() {
        List<String> findings = new ArrayList<>();
        run.variants()
                .forEach(variant -> Optional.ofNullable(Runs.failure(run, variant))
                        .ifPresent(text -> findings.add(variant.name() + " stopped early: " + text + ".")));
        ScenarioReadings scenarios = new ScenarioReadings(run, thresholds);
        switch (Runs.model(run)) {
            case "slowdown" -> findings.addAll(scenarios.slowdown());
            case "coldstart" -> findings.addAll(scenarios.coldstart());
            case "c10k" -> findings.addAll(scenarios.c10k());
            default -> findings.addAll(ladder());
        }
        if (!Runs.timeSeries(run) && !Runs.c10k(run)) {
            run.variants().forEach(variant -> predictions(variant).ifPresent(findings::add));
        }
        if (!Runs.timeSeries(run)) {
            run.variants().forEach(variant -> bottlenecks(variant).ifPresent(findings::add));
        }
        limits().ifPresent(findings::add);
        loadSide().ifPresent(findings::add);
        openModel().ifPresent(findings::add);
        run.variants().forEach(variant -> errors(variant).ifPresent(findings::add));
        List<String> warmups = run.variants().stream()
                .map(this::warmup)
                .flatMap(Optional::stream)
                .toList();
        if (!warmups.isEmpty()) {
            findings.add("Warm-up: a freshly started pod gets traffic as soon as it is ready, so how long each model"
                    + " takes to become stable is part of the comparison.");
            findings.addAll(warmups);
        }
        return new Reading(List.copyOf(findings), warnings());
    }

    // ---- the ladder: ceilings, ratios, queueing ----

    private List<String> ladder() {
        List<String> findings = new ArrayList<>();
        run.variants().stream()
                .filter(variant -> !Steps.closed(variant).isEmpty()
                        && Steps.closed(variant).stream().noneMatch(Steps::valid))
                .forEach(variant ->
                        findings.add(variant.name() + ": no valid step, so nothing to read from its ladder."));
        List<Saturation> saturations = run.variants().stream()
                .map(variant -> Saturation.of(variant, thresholds))
                .flatMap(Optional::stream)
                .toList();
        Optional<Saturation> baseline = saturations.stream().findFirst();
        for (Saturation s : saturations) {
            findings.add(ceiling(s, baseline.filter(b -> b != s)));
            queueing(s).ifPresent(findings::add);
            hiddenQueueing(s).ifPresent(findings::add);
        }
        switch (Runs.model(run)) {
            case "cpu" -> cpuPerRequest().ifPresent(findings::add);
            case "event-loop-blocking" -> findings.addAll(basis("event-loop"));
            case "pool" -> findings.addAll(basis("pool"));
            default -> {}
        }
        return findings;
    }

    private String ceiling(Saturation s, Optional<Saturation> baseline) {
        String name = s.variant().name();
        StepRun peak = s.peak();
        if (s.valid().size() < 2) {
            return name + ": only one valid step ("
                    + Fmt.rps(Steps.throughput(peak).median()) + " " + Steps.at(peak)
                    + "), too few to look for a ceiling.";
        }
        StringBuilder line = new StringBuilder(name);
        if (s.plateau()) {
            line.append(" reached its ceiling of ")
                    .append(Fmt.rps(s.ceiling().median()))
                    .append(repeats(s.ceiling(), Fmt::count))
                    .append(" at ")
                    .append(Steps.label(s.reachedAt()));
        } else {
            line.append(" kept scaling: ")
                    .append(Fmt.rps(s.ceiling().median()))
                    .append(repeats(s.ceiling(), Fmt::count))
                    .append(" at ")
                    .append(Steps.label(peak));
            Runs.delaySeconds(run)
                    .ifPresent(delay -> line.append(", ")
                            .append(Fmt.wholePercent(
                                    s.ceiling().median() / (peak.load().users() / delay)))
                            .append(" of Little's law (")
                            .append(Fmt.count(peak.load().users()))
                            .append(" users / ")
                            .append(Fmt.seconds(delay))
                            .append(")"));
            line.append(", no ceiling within this ladder");
        }
        baseline.ifPresent(b -> line.append(", ")
                .append(Compare.times(s.ceiling(), b.ceiling(), b.variant().name(), Fmt::count)));
        line.append("; bottleneck ")
                .append(s.plateau() ? "there" : "at the top")
                .append(": ")
                .append(Words.bottleneck(peak));
        if (peak.prediction() != null) {
            line.append("; the model predicted ")
                    .append(Fmt.rps(peak.prediction().predictedRps()))
                    .append(" (")
                    .append(Fmt.text(peak.prediction().basis()))
                    .append(")");
        }
        return line.append('.').toString();
    }

    /** " (1,890–1,912 over 3 repeats)" or nothing with one repeat. */
    private static String repeats(Stat stat, Function<Double, String> unit) {
        return stat.hasRange() ? " (" + Fmt.range(stat, unit) + " over " + stat.n() + " repeats)" : "";
    }

    /**
     * Past the ceiling, users only wait: response time = users / throughput (Little's law again),
     * with the step's own throughput, which is the ceiling while it holds and less when it falls.
     */
    private Optional<String> queueing(Saturation s) {
        if (!s.plateau()) {
            return Optional.empty();
        }
        double ceiling = s.ceiling().median();
        return s.valid().stream()
                .filter(step -> step.load().users() > s.reachedAt().load().users())
                .filter(step -> Steps.p50(step) != null && Steps.p99(step) != null)
                .filter(step -> Steps.throughput(step) != null)
                .reduce((first, second) -> second)
                .map(step -> {
                    double rps = Steps.throughput(step).median();
                    String fell = rps < ceiling * (1 - thresholds.predictionMatch())
                            ? " Its throughput there had fallen to " + Fmt.rps(rps) + ", "
                                    + Fmt.wholePercent(rps / ceiling) + " of its ceiling."
                            : "";
                    return "Beyond it " + s.variant().name() + "'s latency grew as users / throughput: at "
                            + Steps.label(step) + " p50 was "
                            + Fmt.duration(Steps.p50(step).median()) + " ("
                            + Fmt.count(step.load().users()) + " / " + Fmt.rps(rps) + " = "
                            + Fmt.duration(step.load().users() / rps * Fmt.MILLIS_PER_SECOND) + ") and p99 "
                            + Fmt.duration(Steps.p99(step).median()) + "." + fell;
                });
    }

    /**
     * Time spent queued before the app's timer starts shows up in Gatling only. Compares p99 with
     * p99 when the app's p99 is known, else mean with mean.
     */
    private Optional<String> hiddenQueueing(Saturation s) {
        record Pair(StepRun step, String statistic, Double client, Double server) {}
        return s.valid().stream()
                .map(step -> {
                    Double serverP99 = Steps.median(step, Figures::serverP99);
                    return serverP99 != null
                            ? new Pair(
                                    step,
                                    "p99",
                                    Steps.p99(step) == null
                                            ? null
                                            : Steps.p99(step).median(),
                                    serverP99)
                            : new Pair(
                                    step,
                                    "mean",
                                    Steps.median(step, Figures::meanMs),
                                    Steps.median(step, Figures::serverMean));
                })
                .filter(pair -> pair.client() != null && pair.server() != null && pair.server() > 0)
                .filter(pair -> pair.client() >= thresholds.queueingVisible() * pair.server())
                .reduce((first, second) -> second)
                .map(
                        pair -> "At " + Steps.label(pair.step()) + " "
                                + s.variant().name()
                                + "'s own timer (http.server.requests) saw a " + pair.statistic() + " of "
                                + Fmt.duration(pair.server()) + " while Gatling saw " + Fmt.duration(pair.client())
                                + ": the difference is time queued before the server's timer starts, which only the client sees.");
    }

    /** The cpu scenario: the models differ only in what each request costs in CPU. */
    private Optional<String> cpuPerRequest() {
        List<String> parts = new ArrayList<>();
        Optional<VariantRun> first = run.variants().stream().findFirst();
        Stat base = first.flatMap(this::busiest).map(Steps::cpuMsPerRequest).orElse(null);
        for (VariantRun variant : run.variants()) {
            Optional<StepRun> busiest = busiest(variant);
            Stat cpu = busiest.map(Steps::cpuMsPerRequest).orElse(null);
            if (cpu == null) {
                continue;
            }
            String part = variant.name() + " " + Fmt.cpuMs(cpu.median()) + " ms" + repeats(cpu, Fmt::cpuMs);
            if (base != null && variant != first.get()) {
                part += ", " + Compare.times(cpu, base, first.get().name(), Fmt::cpuMs);
            }
            parts.add(part);
        }
        return parts.isEmpty()
                ? Optional.empty()
                : Optional.of("App CPU per request at each variant's busiest valid step: " + String.join("; ", parts)
                        + ". On CPU-bound work the concurrency model buys nothing but its own overhead.");
    }

    /** The event-loop-blocking and pool scenarios: the step whose prediction came from that limit. */
    private List<String> basis(String basis) {
        List<String> lines = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            Steps.closed(variant).stream()
                    .filter(Steps::valid)
                    .filter(step -> step.prediction() != null
                            && basis.equals(step.prediction().basis()))
                    .reduce((first, second) -> second)
                    .ifPresent(step -> {
                        StepRun.Prediction p = step.prediction();
                        Double limit = "pool".equals(basis) ? p.poolCeilingRps() : p.predictedRps();
                        String note = p.note() == null || p.note().isBlank() ? "" : " (" + p.note() + ")";
                        lines.add(variant.name() + " is capped by "
                                + ("pool".equals(basis) ? "its client pool" : "its event loop")
                                + ": the model allows " + Fmt.rps(limit) + note + "; " + Steps.at(step)
                                + " it measured "
                                + Fmt.rps(Steps.throughput(step).median())
                                + ratio(Steps.measuredOverPredicted(step)) + ".");
                    });
        }
        return lines;
    }

    private static String ratio(Double measuredOverPredicted) {
        return measuredOverPredicted == null ? "" : " (" + Fmt.decimal(measuredOverPredicted, 2) + " of predicted)";
    }

    // ---- every step against its model, and what limited it ----

    private Optional<String> predictions(VariantRun variant) {
        List<StepRun> judged = variant.steps().stream()
                .filter(Steps::valid)
                .filter(step -> step.prediction() != null && step.prediction().predictedRps() > 0)
                .filter(step -> Steps.throughput(step) != null)
                .toList();
        if (judged.isEmpty()) {
            return Optional.empty();
        }
        List<String> short_ = new ArrayList<>();
        List<String> above = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (StepRun step : judged) {
            double predicted = step.prediction().predictedRps();
            Stat measured = Steps.throughput(step);
            Double ratio = Steps.measuredOverPredicted(step);
            ratios.add(ratio);
            String detail = Steps.at(step) + " (" + Fmt.decimal(ratio, 2) + " of " + Fmt.rps(predicted) + ", basis "
                    + step.prediction().basis() + "; bottleneck: " + Words.bottleneck(step) + ")";
            if (measured.hi() < (1 - thresholds.predictionMatch()) * predicted) {
                short_.add(detail);
            } else if (measured.lo() > (1 + thresholds.predictionMatch()) * predicted) {
                above.add(detail);
            }
        }
        Stat spread = Stat.of(ratios);
        if (short_.isEmpty() && above.isEmpty()) {
            return Optional.of(variant.name() + " matched its model within ±"
                    + Fmt.wholePercent(thresholds.predictionMatch()) + " at every valid step (measured / predicted "
                    + Fmt.range(spread, v -> Fmt.decimal(v, 2)) + ").");
        }
        StringBuilder line = new StringBuilder(variant.name());
        if (!short_.isEmpty()) {
            line.append(" fell short of its model ").append(String.join("; ", short_));
        }
        if (!above.isEmpty()) {
            line.append(short_.isEmpty() ? " exceeded its model " : "; it exceeded it ")
                    .append(String.join("; ", above));
        }
        int matched = judged.size() - short_.size() - above.size();
        if (matched > 0) {
            line.append("; it matched it within ±")
                    .append(Fmt.wholePercent(thresholds.predictionMatch()))
                    .append(" at the other ")
                    .append(matched)
                    .append(matched == 1 ? " step" : " steps");
        }
        return Optional.of(line.append('.').toString());
    }

    /** Runs of consecutive valid steps with the same cause: "the load at 50–100 users; its thread pool at 200–3,200 users". */
    private Optional<String> bottlenecks(VariantRun variant) {
        List<StepRun> steps = new ArrayList<>(Steps.closed(variant));
        steps.addAll(Steps.open(variant));
        List<String> parts = new ArrayList<>();
        Bottleneck.Cause current = null;
        List<StepRun> group = new ArrayList<>();
        for (StepRun step : steps.stream()
                .filter(Steps::valid)
                .filter(s -> s.bottleneck() != null)
                .toList()) {
            if (step.load().open() || step.bottleneck().cause() != current) {
                flush(group, parts);
                group = new ArrayList<>();
                current = step.load().open() ? null : step.bottleneck().cause();
            }
            group.add(step);
        }
        flush(group, parts);
        return parts.isEmpty()
                ? Optional.empty()
                : Optional.of("Bottlenecks of " + variant.name() + ": " + String.join("; ", parts) + ".");
    }

    private static void flush(List<StepRun> group, List<String> parts) {
        if (group.isEmpty()) {
            return;
        }
        StepRun first = group.getFirst();
        StepRun last = group.getLast();
        String where = first.load().open() || first == last
                ? Steps.at(first)
                : "at " + Fmt.count(first.load().users()) + "–" + Steps.label(last);
        parts.add(Words.cause(last.bottleneck().cause()) + " " + where + Words.figure(last.bottleneck()));
    }

    /** Under pod limits: which limit bound each variant (threads, the CPU quota, memory). */
    private Optional<String> limits() {
        Optional<Environment.PodLimitsInfo> limits = Runs.limits(run);
        if (limits.isEmpty()) {
            return Optional.empty();
        }
        boolean quota =
                run.environment().split() != null && run.environment().split().quotaEnforced();
        List<String> parts = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            parts.add(variant.name() + ": " + boundBy(variant, quota));
        }
        return Optional.of("Under the pod limits (" + Runs.limitsText(limits.get()) + "), what bound each variant: "
                + String.join("; ", parts) + ".");
    }

    private String boundBy(VariantRun variant, boolean quota) {
        if (variant.failure() != null && "oom-killed".equals(variant.failure().kind())) {
            return "memory (" + Runs.failure(run, variant) + ")";
        }
        Optional<StepRun> peak = variant.steps().stream()
                .filter(Steps::valid)
                .filter(step -> step.bottleneck() != null && Steps.throughput(step) != null)
                .max(Comparator.comparing(step -> Steps.throughput(step).median()));
        if (peak.isEmpty()) {
            return "no valid step to say";
        }
        StepRun step = peak.get();
        Bottleneck b = step.bottleneck();
        String at = " " + Steps.at(step);
        return switch (b.cause()) {
            case THREAD_POOL -> "threads" + Words.figure(b, at);
            case CPU -> {
                Double throttled = Steps.median(step, Figures::throttledShare);
                yield quota && throttled != null
                        ? "the CPU quota (throttled " + Fmt.percent(throttled) + " of periods" + at + ")"
                        : "CPU" + Words.figure(b, at);
            }
            case MEMORY_LIMIT, HEAP, GC -> "memory: " + Words.cause(b.cause()) + Words.figure(b, at);
            case LOAD -> "none of its limits: the load never reached them (" + Steps.label(step) + ")";
            default -> Words.cause(b.cause()) + Words.figure(b, at);
        };
    }

    /** What the load side cost per request beside the app, at each variant's busiest valid step. */
    private Optional<String> loadSide() {
        List<String> parts = new ArrayList<>();
        List<String> heavy = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            busiest(variant).ifPresent(step -> {
                Double app = Steps.median(step, Figures::appCpuMsPerRequest);
                Double gatling = Steps.median(step, Figures::gatlingCpuMsPerRequest);
                Double stub = Steps.median(step, Figures::stubCpuMsPerRequest);
                if (app == null || gatling == null && stub == null) {
                    return;
                }
                parts.add(variant.name() + " " + Fmt.cpuMs(app) + " / " + Fmt.cpuMs(gatling) + " / " + Fmt.cpuMs(stub)
                        + " ms " + Steps.at(step));
                double load = (gatling == null ? 0 : gatling) + (stub == null ? 0 : stub);
                if (load >= app) {
                    heavy.add(variant.name());
                }
            });
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String line = "CPU per request at each variant's busiest valid step (app / Gatling / stub): "
                + String.join("; ", parts) + ".";
        if (!heavy.isEmpty()) {
            line += " For " + String.join(", ", heavy) + " the load side cost at least as much CPU per request as the"
                    + " app: it needs CPUs of its own, or it is what gets measured.";
        }
        return Optional.of(line);
    }

    /** The valid step where the app used the most CPU. */
    private Optional<StepRun> busiest(VariantRun variant) {
        return variant.steps().stream()
                .filter(Steps::valid)
                .filter(step -> Steps.median(step, Figures::appCpuCores) != null)
                .max(Comparator.comparing(step -> Steps.median(step, Figures::appCpuCores)));
    }

    private Optional<String> openModel() {
        if (Runs.timeSeries(run)) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            for (StepRun step : Steps.open(variant)) {
                Stat achieved = Steps.throughput(step);
                if (!Steps.valid(step) || achieved == null) {
                    continue;
                }
                Double offered = Steps.median(step, Figures::offered);
                if (offered == null && step.load().rate() != null) {
                    offered = step.load().rate().doubleValue();
                }
                StringBuilder part = new StringBuilder(variant.name())
                        .append(" achieved ")
                        .append(Fmt.rps(achieved.median()))
                        .append(repeats(achieved, Fmt::count))
                        .append(" of ")
                        .append(Fmt.count(offered))
                        .append(" req/s offered, p99 ")
                        .append(Fmt.duration(
                                Steps.p99(step) == null ? null : Steps.p99(step).median()));
                if (offered != null && achieved.hi() < thresholds.keptUp() * offered) {
                    part.append(" (it cannot keep up, so its queue grows for the whole step)");
                }
                long errors = Steps.errors(step);
                if (errors > 0) {
                    part.append(", ").append(Fmt.count(errors)).append(" errors");
                }
                parts.add(part.toString());
            }
        }
        return parts.isEmpty()
                ? Optional.empty()
                : Optional.of("Open model (requests arrive at a fixed rate whatever the latency): "
                        + String.join("; ", parts) + ".");
    }

    private Optional<String> errors(VariantRun variant) {
        List<String> parts = variant.steps().stream()
                .filter(Steps::valid)
                .filter(step -> Steps.errors(step) > 0)
                .map(step -> Fmt.count(Steps.errors(step)) + " " + Steps.at(step) + " ("
                        + byClass(Steps.errorClasses(step)) + ")")
                .toList();
        return parts.isEmpty()
                ? Optional.empty()
                : Optional.of(variant.name() + " had errors: " + String.join("; ", parts) + ".");
    }

    static String byClass(Map<String, Long> errors) {
        if (errors.isEmpty()) {
            return "class not recorded";
        }
        return errors.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> Fmt.count(entry.getValue()) + " × " + entry.getKey())
                .collect(Collectors.joining(", "));
    }

    /** How long the model took to become stable, one line per variant. */
    private Optional<String> warmup(VariantRun variant) {
        VariantRun.WarmupResult warmup = variant.warmup();
        String started = variant.startupSeconds() > 0
                ? " ready " + Fmt.shortSeconds(variant.startupSeconds()) + " after start,"
                : "";
        if (warmup == null) {
            return Runs.COLDSTART.equals(Runs.kind(run)) || variant.steps().isEmpty()
                    ? Optional.empty()
                    : Optional.of(
                            "Warm-up of " + variant.name() + ":" + started + " none, so its first step ran cold.");
        }
        String rule = warmup.rule() == null || warmup.rule().isBlank() ? "" : " (" + warmup.rule() + ")";
        if (!warmup.stable()) {
            return Optional.of("Warm-up of " + variant.name() + ":" + started + " never stable within "
                    + Fmt.shortSeconds(warmup.seconds()) + " of load at " + Fmt.count(warmup.users()) + " users" + rule
                    + ": its steps are marked cold.");
        }
        StringBuilder line = new StringBuilder("Warm-up of ")
                .append(variant.name())
                .append(":")
                .append(started)
                .append(" stable after ")
                .append(Fmt.shortSeconds(warmup.secondsToStable()))
                .append(" of load at ")
                .append(Fmt.count(warmup.users()))
                .append(" users")
                .append(rule);
        List<VariantRun.WarmupResult.Chunk> chunks = warmup.chunks();
        if (chunks.size() >= 2) {
            VariantRun.WarmupResult.Chunk first = chunks.getFirst();
            VariantRun.WarmupResult.Chunk last = chunks.getLast();
            line.append("; its first chunk ran at ")
                    .append(Fmt.rps(first.throughputRps()))
                    .append(", p99 ")
                    .append(Fmt.duration(first.p99Ms()))
                    .append(", its last at ")
                    .append(Fmt.rps(last.throughputRps()))
                    .append(", p99 ")
                    .append(Fmt.duration(last.p99Ms()));
        }
        return Optional.of(line.append('.').toString());
    }

    // ---- what was left out ----

    private List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (InvalidStep invalid : InvalidStep.all(run)) {
            if (invalid.failure()) {
                continue;
            }
            warnings.add(invalid.variant() + " " + Steps.at(invalid.step())
                    + " is not trustworthy and is left out of the reading: " + invalid.reason());
        }
        if (!Runs.COLDSTART.equals(Runs.kind(run))) {
            for (VariantRun variant : run.variants()) {
                // a cold step is also invalid: named here so the reader knows why
                List<String> cold = variant.steps().stream()
                        .filter(Steps::cold)
                        .map(Steps::label)
                        .toList();
                if (!cold.isEmpty()) {
                    warnings.add(variant.name() + " ran cold at " + String.join(", ", cold)
                            + " (not warmed up to a stable state): its figures include JIT compilation.");
                }
            }
        }
        Runs.limits(run).ifPresent(limits -> {
            boolean emulated = !limits.enforced()
                    || run.variants().stream()
                            .flatMap(v -> v.steps().stream())
                            .map(StepRun::verdict)
                            .filter(Objects::nonNull)
                            .anyMatch(verdict -> !verdict.limitsEnforced());
            if (emulated) {
                warnings.add("The pod limits (" + Runs.limitsText(limits) + ") were not enforced"
                        + (limits.note() == null || limits.note().isBlank() ? "" : ": " + limits.note())
                        + "; CPU throttling and OOM kills were not measured.");
            }
        });
        return List.copyOf(warnings);
    }
}
