package lab.runner.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import lab.runner.model.Attribution;
import lab.runner.model.Model;
import lab.runner.model.Spreads;
import lab.runner.model.ValidityRules;
import lab.runrecord.Measurement;
import lab.runrecord.ScenarioSpec;
import lab.runrecord.StepRun;
import lab.runrecord.StepRun.Bottleneck.Cause;
import lab.runrecord.VariantRun;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * From a variant's measured windows to its steps: the ceilings measured in this run, each step's
 * prediction, verdict, bottleneck and spread, and the timeline of time-series scenarios. Nothing
 * here measures: it only reasons on what was measured.
 */
final class Analysis {

    /** Recovery: the per-second p99 back within this factor of the baseline ... */
    static final double RECOVERED_P99_FACTOR = 1.5;
    /** ... for this many seconds in a row (also the hold time of cold start's 90 %). */
    static final int HOLD_SECONDS = 3;

    static final double COLDSTART_SHARE = 0.9;
    private static final double MS_PER_S = 1000.0;

    /** One step's windows across repeats, in plan order. */
    record StepWindows(String id, LoadWindow first, List<Measurement> repeats, List<Boolean> loadGenFailed) {}

    /**
     * What the analysis needs about the variant and the run.
     *
     * @param maxThreads the platform-thread pool that serves requests (and waits on the downstream), if any
     * @param poolConnections the client pool's size when the scenario makes it the limit, else null
     * @param cold not warmed up to a stable state (no warm-up, or it never became stable)
     * @param phases when the scenario's phases really started and ended (window seconds)
     */
    record Context(
            ScenarioSpec spec,
            double cpuBudgetCores,
            Integer maxThreads,
            String threadsName,
            Integer poolConnections,
            boolean cold,
            boolean limitsEnforced,
            List<StepRun.Timeline.PhaseMark> phases) {}

    private final Context c;
    private final ValidityRules rules;
    private final Attribution attribution;

    Analysis(Context c, ValidityRules rules, Attribution attribution) {
        this.c = c;
        this.rules = rules;
        this.attribution = attribution;
    }

    /** The shortest latency a prediction divides by. */
    static final double MIN_LATENCY_MS = 0.05;

    record Outcome(VariantRun.Ceilings ceilings, List<StepRun> steps) {}

    Outcome analyse(List<StepWindows> steps) {
        int delay = c.spec().request().delayMs();
        List<StepWindows> closed = steps.stream().filter(s -> !s.first().open()).toList();
        // the overhead is measured where nothing queues: the lowest step of a ladder. A run of one step
        // (cold start, c10k) holds more requests than the app serves at once: its latency is mostly queueing.
        Double lowLatencyMs =
                closed.isEmpty() || !"ladder".equals(c.spec().load().kind())
                        ? null
                        : median(closed.getFirst().repeats().stream()
                                .map(m -> m.client().latency().meanMs())
                                .toList());
        Double overheadMs = lowLatencyMs == null ? null : Model.overheadMs(lowLatencyMs, delay);
        // a floor only against dividing by zero: a CPU-bound request without a downstream takes a
        // fraction of a ms (Gatling's mean of whole-ms latencies), and a 1 ms floor would predict
        // 1,000 rps per user where one user made 3,500
        double latencyMs =
                lowLatencyMs == null ? Math.max(MIN_LATENCY_MS, delay) : Math.max(MIN_LATENCY_MS, delay + overheadMs);
        // from the closed steps only: the open step is predicted from them, never from its own figures
        Double cpuMs = cpuMsPerRequest(closed);
        Double cpuCeiling = cpuMs == null || cpuMs <= 0 ? null : Model.cpuCeilingRps(c.cpuBudgetCores(), cpuMs);
        Double threadCeiling = c.maxThreads() == null ? null : Model.littlesLawRps(c.maxThreads(), latencyMs);
        Double poolCeiling = c.poolConnections() == null ? null : Model.littlesLawRps(c.poolConnections(), latencyMs);
        VariantRun.Ceilings ceilings =
                new VariantRun.Ceilings(c.maxThreads(), overheadMs, threadCeiling, cpuMs, cpuCeiling);
        List<StepRun> runs = new ArrayList<>();
        for (StepWindows s : steps) {
            runs.add(step(s, latencyMs, threadCeiling, cpuCeiling, poolCeiling));
        }
        return new Outcome(ceilings, runs);
    }

    private StepRun step(StepWindows s, double latencyMs, Double threadCeiling, Double cpuCeiling, Double poolCeiling) {
        LoadWindow w = s.first();
        StepRun.Spread spread = Spreads.of(s.repeats());
        double measured =
                spread.throughputRps() == null ? 0 : spread.throughputRps().median();
        StepRun.Prediction prediction = prediction(w, latencyMs, threadCeiling, cpuCeiling, poolCeiling, measured);
        Double asked = w.open() ? Double.valueOf(w.rate()) : prediction.littlesLawRps();
        Measurement typical = medianRepeat(s.repeats());
        java.util.Map<String, List<String>> reasons = new java.util.LinkedHashMap<>();
        StepRun.Bottleneck bottleneck = null;
        for (int i = 0; i < s.repeats().size(); i++) {
            Measurement m = s.repeats().get(i);
            StepRun.Bottleneck b = attribution.attribute(new Attribution.Evidence(
                    m,
                    c.cpuBudgetCores(),
                    c.maxThreads(),
                    c.threadsName(),
                    asked,
                    rules.stubSlow(
                            m.loadSide().stubOverheadMs(), c.spec().request().delayMs())));
            if (m == typical) {
                bottleneck = b;
            }
            for (String reason : rules.reasons(new ValidityRules.Evidence(
                    m,
                    s.loadGenFailed().get(i),
                    c.cold(),
                    c.cpuBudgetCores(),
                    c.spec().request().delayMs(),
                    w.open() ? Double.valueOf(w.rate()) : null,
                    b.cause() == Cause.UNEXPLAINED))) {
                reasons.computeIfAbsent(kind(reason), k -> new ArrayList<>()).add(reason);
            }
        }
        return new StepRun(
                s.id(),
                new StepRun.StepLoad(
                        w.open() ? "open" : "closed", w.users(), w.rate(), w.rampSeconds(), w.steadySeconds()),
                s.repeats(),
                spread,
                prediction,
                new StepRun.Verdict(
                        reasons.isEmpty(), merged(reasons, s.repeats().size()), c.cold(), c.limitsEnforced()),
                bottleneck,
                timeline(s, typical, threadCeiling));
    }

    /** What a reason is about: its words before the figures ({@code "noisy machine"}, {@code "stub slow"}). */
    static String kind(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }

    /** One reason per kind: the first repeat's, and in how many repeats it held when not in all. */
    static List<String> merged(java.util.Map<String, List<String>> byKind, int repeats) {
        List<String> merged = new ArrayList<>();
        byKind.forEach((kind, all) -> merged.add(
                all.size() < repeats
                        ? all.getFirst() + fmt(" (%d of %d repeats)", all.size(), repeats)
                        : all.getFirst()));
        return merged;
    }

    private StepRun.Prediction prediction(
            LoadWindow w,
            double latencyMs,
            Double threadCeiling,
            Double cpuCeiling,
            Double poolCeiling,
            double measured) {
        double littles = w.open() ? w.rate() : Model.littlesLawRps(w.users(), latencyMs);
        String basis = w.open() ? "offered" : "users";
        double predicted = littles;
        if (threadCeiling != null && threadCeiling < predicted) {
            predicted = threadCeiling;
            basis = "threads";
        }
        if (poolCeiling != null && poolCeiling < predicted) {
            predicted = poolCeiling;
            basis = "pool";
        }
        if (cpuCeiling != null && cpuCeiling < predicted) {
            predicted = cpuCeiling;
            basis = "cpu";
        }
        return new StepRun.Prediction(
                predicted,
                basis,
                littles,
                threadCeiling,
                cpuCeiling,
                poolCeiling,
                predicted > 0 ? measured / predicted : null,
                w.open() ? "the offered rate capped by the ceilings measured on the closed ladder" : null);
    }

    /**
     * CPU per request at the most loaded valid step (the highest throughput), where fixed costs
     * weigh least (any step when none is valid); the cpu scenario takes its lowest step instead, its
     * prediction's premise.
     */
    private Double cpuMsPerRequest(List<StepWindows> steps) {
        if (steps.isEmpty()) {
            return null;
        }
        if ("cpu".equals(c.spec().prediction().model())) {
            return median(steps.getFirst().repeats().stream()
                    .map(m -> m.app().cpuMsPerRequest())
                    .toList());
        }
        List<StepWindows> valid = steps.stream().filter(this::trustworthy).toList();
        List<StepWindows> candidates = valid.isEmpty() ? steps : valid;
        return candidates.stream()
                .map(s -> new double[] {
                    nz(median(s.repeats().stream()
                            .map(m -> m.client().throughputRps())
                            .toList())),
                    nz(median(s.repeats().stream()
                            .map(m -> m.app().cpuMsPerRequest())
                            .toList()))
                })
                .filter(p -> p[0] > 0 && p[1] > 0)
                .max(Comparator.comparingDouble(p -> p[0]))
                .map(p -> p[1])
                .orElse(null);
    }

    /**
     * Whether the validity rules found nothing wrong with any repeat of a closed step (a cold
     * warm-up aside: it marks every step alike).
     */
    private boolean trustworthy(StepWindows s) {
        for (int i = 0; i < s.repeats().size(); i++) {
            if (!rules.reasons(new ValidityRules.Evidence(
                            s.repeats().get(i),
                            s.loadGenFailed().get(i),
                            false,
                            c.cpuBudgetCores(),
                            c.spec().request().delayMs(),
                            null,
                            false))
                    .isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Slowdown and cold start: what happened when, beside the model's prediction. */
    private StepRun.Timeline timeline(StepWindows s, Measurement m, Double threadCeiling) {
        String model = c.spec().prediction().model();
        if (!"slowdown".equals(model) && !"coldstart".equals(model)) {
            return null;
        }
        List<Measurement.SecondPoint> series = m.series();
        Double peak = series.stream()
                .map(Measurement.SecondPoint::inFlight)
                .filter(Objects::nonNull)
                .max(Double::compare)
                .orElse(null);
        if ("coldstart".equals(model)) {
            List<Double> rps =
                    series.stream().map(Measurement.SecondPoint::throughputRps).toList();
            Double steady = median(rps.subList(rps.size() * 2 / 3, rps.size()));
            return new StepRun.Timeline(List.of(), null, peak, null, null, null, steady, firstHeld(series, steady));
        }
        StepRun.Timeline.PhaseMark first =
                c.phases().isEmpty() ? null : c.phases().getFirst();
        StepRun.Timeline.PhaseMark last =
                c.phases().isEmpty() ? null : c.phases().getLast();
        Double baseline = first == null
                ? null
                : median(series.stream()
                        .filter(p -> p.t() < first.startT())
                        .map(Measurement.SecondPoint::p99Ms)
                        .toList());
        Double recovery = last == null || baseline == null ? null : recovery(series, last.endT(), baseline);
        Double predictedQueue = null;
        Double predictedRecovery = null;
        if (first != null
                && c.maxThreads() != null
                && threadCeiling != null
                && s.first().rate() != null) {
            int delay = c.spec().request().delayMs();
            double slowLatency = delay + first.extraLatencyMs();
            double growth = Model.backlogGrowthRps(s.first().rate(), c.maxThreads(), slowLatency);
            predictedQueue = growth * (first.endT() - first.startT());
            double drain = threadCeiling - s.first().rate();
            predictedRecovery = drain > 0 ? predictedQueue / drain : null;
        }
        return new StepRun.Timeline(
                c.phases(), baseline, peak, predictedQueue, recovery, predictedRecovery, null, null);
    }

    /** Seconds after {@code from} until the p99 is back within 1.5x the baseline for 3 s in a row. */
    static Double recovery(List<Measurement.SecondPoint> series, double from, double baseline) {
        int held = 0;
        Double start = null;
        for (Measurement.SecondPoint p : series) {
            if (p.t() < from || p.p99Ms() == null) {
                continue;
            }
            if (p.p99Ms() <= RECOVERED_P99_FACTOR * baseline) {
                if (held == 0) {
                    start = p.t();
                }
                if (++held >= HOLD_SECONDS) {
                    return start - from;
                }
            } else {
                held = 0;
            }
        }
        return null;
    }

    /** Seconds until the per-second throughput first reached 90 % of {@code steady} and held it for 3 s. */
    static Double firstHeld(List<Measurement.SecondPoint> series, Double steady) {
        if (steady == null || steady <= 0) {
            return null;
        }
        int held = 0;
        Double start = null;
        for (Measurement.SecondPoint p : series) {
            if (p.throughputRps() != null && p.throughputRps() >= COLDSTART_SHARE * steady) {
                if (held == 0) {
                    start = p.t();
                }
                if (++held >= HOLD_SECONDS) {
                    return start;
                }
            } else {
                held = 0;
            }
        }
        return null;
    }

    /** The repeat whose throughput is the median (the lower middle one for an even count). */
    static Measurement medianRepeat(List<Measurement> repeats) {
        List<Measurement> sorted = repeats.stream()
                .sorted(Comparator.comparingDouble(m -> m.client().throughputRps()))
                .toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    static Double median(List<Double> values) {
        double[] known = values.stream()
                .filter(Objects::nonNull)
                .filter(Double::isFinite)
                .mapToDouble(Double::doubleValue)
                .toArray();
        return known.length == 0 ? null : new Median().evaluate(known);
    }

    private static double nz(Double v) {
        return v == null ? 0 : v;
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
