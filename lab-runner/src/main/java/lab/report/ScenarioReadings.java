package lab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lab.runrecord.Measurement.SecondPoint;
import lab.runrecord.RunResults;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;

/** The readings of the scenarios that are not a ladder: a slowdown's phases, a cold start, c10k. */
final class ScenarioReadings {

    private static final double KIB_PER_MIB = 1024;

    private final RunResults run;
    private final ReportThresholds thresholds;

    ScenarioReadings(RunResults run, ReportThresholds thresholds) {
        this.run = run;
        this.thresholds = thresholds;
    }

    // ---- slowdown: the downstream gets slower mid-run ----

    List<String> slowdown() {
        List<String> lines = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            if (variant.steps().stream().anyMatch(step -> !Steps.valid(step))) {
                continue; // its series mixes trusted and untrusted seconds: the warnings say why
            }
            PerSecond timeline = PerSecond.of(variant);
            if (timeline.isEmpty()) {
                continue;
            }
            List<PerSecond.Phase> phases = timeline.phases(run);
            for (int i = 0; i < phases.size(); i++) {
                PerSecond.Phase phase = phases.get(i);
                double previousEnd = i == 0 ? 0 : phases.get(i - 1).to();
                double nextStart = i + 1 < phases.size() ? phases.get(i + 1).from() : timeline.end();
                lines.add(phase(
                        variant,
                        timeline,
                        phase,
                        i == phases.size() - 1,
                        timeline.between(previousEnd, phase.from()),
                        timeline.between(phase.from(), phase.to()),
                        timeline.between(phase.to(), nextStart)));
            }
        }
        return lines;
    }

    /** The runner's account of a variant's time-series step, when it wrote one. */
    private static Optional<StepRun.Timeline> runnerTimeline(VariantRun variant) {
        return variant.steps().stream()
                .map(StepRun::timeline)
                .filter(t -> t != null)
                .findFirst();
    }

    private String phase(
            VariantRun variant,
            PerSecond timeline,
            PerSecond.Phase phase,
            boolean last,
            List<PerSecond.Second> before,
            List<PerSecond.Second> during,
            List<PerSecond.Second> after) {
        Double rateBefore = PerSecond.median(before, SecondPoint::throughputRps);
        Double rateDuring = PerSecond.median(during, SecondPoint::throughputRps);
        Double offered = PerSecond.median(during, SecondPoint::offeredRps);
        Double p99Before = PerSecond.median(before, SecondPoint::p99Ms);
        Double p99During = PerSecond.max(during, SecondPoint::p99Ms);
        double errors = PerSecond.sum(during, SecondPoint::ko);
        Double inFlight = PerSecond.max(during, SecondPoint::inFlight);
        Double busy = PerSecond.max(during, SecondPoint::threadsBusy);
        Optional<StepRun.Timeline> runner = runnerTimeline(variant);
        StringBuilder line = new StringBuilder("During '")
                .append(phase.name())
                .append("' (downstream +")
                .append(Fmt.count(phase.extraLatencyMs()))
                .append(" ms from ")
                .append(Fmt.shortSeconds(phase.from()))
                .append(" for ")
                .append(Fmt.shortSeconds(phase.to() - phase.from()))
                .append(") ")
                .append(variant.name())
                .append(" achieved ")
                .append(Fmt.rps(rateDuring));
        if (offered != null) {
            line.append(" of ").append(Fmt.count(offered)).append(" req/s offered");
        }
        line.append(" (before: ").append(Fmt.rps(rateBefore)).append(")");
        line.append(", p99 up to ")
                .append(Fmt.duration(p99During))
                .append(" (before: ")
                .append(Fmt.duration(p99Before))
                .append(")");
        line.append(", ").append(Fmt.count(errors)).append(errors == 1 ? " error" : " errors");
        if (inFlight != null) {
            line.append(", up to ").append(Fmt.count(inFlight)).append(" requests in flight");
            runner.map(StepRun.Timeline::predictedPeakQueue)
                    .ifPresent(queue -> line.append(" (the model's queue: ")
                            .append(Fmt.count(queue))
                            .append(")"));
        }
        if (busy != null) {
            line.append(", ").append(Fmt.count(busy)).append(" busy threads");
        }
        threadModel(variant, phase)
                .ifPresent(model -> line.append(" (the model: ").append(model).append(")"));
        boolean keptRate = rateBefore != null
                && rateDuring != null
                && Math.abs(rateDuring - rateBefore) <= thresholds.recovered() * rateBefore;
        if (keptRate) {
            line.append("; it kept its rate");
        }
        if (last && runner.isPresent()) {
            line.append(recovery(runner.get()));
        } else if (!keptRate && rateBefore != null && rateDuring != null) {
            line.append(rateRecovery(timeline, rateBefore, after, phase));
        }
        return line.append('.').toString();
    }

    /** What threads allow while every call takes longer: maxThreads / (delay + extra + overhead). */
    private Optional<String> threadModel(VariantRun variant, PerSecond.Phase phase) {
        if (variant.ceilings() == null
                || variant.ceilings().maxThreads() == null
                || run.scenario() == null
                || run.scenario().request() == null) {
            return Optional.empty();
        }
        double seconds = (run.scenario().request().delayMs()
                        + phase.extraLatencyMs()
                        + Optional.ofNullable(variant.ceilings().perRequestOverheadMs())
                                .orElse(0.0))
                / Fmt.MILLIS_PER_SECOND;
        return seconds <= 0
                ? Optional.empty()
                : Optional.of(variant.ceilings().maxThreads() + " threads / " + Fmt.seconds(seconds) + " = "
                        + Fmt.rps(variant.ceilings().maxThreads() / seconds));
    }

    /** The runner's recovery: the per-second p99 back within 1.5× its baseline, against the model's. */
    private static String recovery(StepRun.Timeline t) {
        String baseline = t.baselineP99Ms() == null ? "" : " (" + Fmt.duration(t.baselineP99Ms()) + ")";
        String model = t.predictedRecoverySeconds() == null
                ? ""
                : " (the model: " + Fmt.shortSeconds(t.predictedRecoverySeconds()) + ")";
        if (t.recoverySeconds() == null) {
            return "; its p99 never came back within 1.5× its baseline" + baseline + " before the run ended" + model;
        }
        if (t.recoverySeconds() == 0) {
            return "; its p99 was within 1.5× its baseline" + baseline + " as soon as the phase ended" + model;
        }
        return "; its p99 was back within 1.5× its baseline" + baseline + " " + Fmt.shortSeconds(t.recoverySeconds())
                + " after the phase ended" + model;
    }

    /** Without the runner's account: when the rate was back within the tolerance of the rate before. */
    private String rateRecovery(
            PerSecond timeline, double rateBefore, List<PerSecond.Second> after, PerSecond.Phase phase) {
        Optional<Double> back = firstSteady(after, rateBefore);
        return back.map(t -> "; it was back within " + Fmt.wholePercent(thresholds.recovered())
                        + " of its earlier rate " + Fmt.shortSeconds(t - phase.to()) + " after the phase ended")
                .orElse("; it had not recovered its earlier rate by the end of the phase's aftermath ("
                        + Fmt.shortSeconds(timeline.end() - phase.to()) + ")");
    }

    /** The first second from which the rate stays within the tolerance of {@code target} for the steady window. */
    private Optional<Double> firstSteady(List<PerSecond.Second> seconds, double target) {
        int window = thresholds.steadySeconds();
        for (int i = 0; i + window <= seconds.size(); i++) {
            List<PerSecond.Second> first = seconds.subList(i, i + window);
            if (PerSecond.median(first, SecondPoint::throughputRps) != null && near(first, target)) {
                boolean stays = true;
                for (int j = i + 1; j + window <= seconds.size() && stays; j++) {
                    stays = near(seconds.subList(j, j + window), target);
                }
                if (stays) {
                    return Optional.of(seconds.get(i).t());
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the window's median rate is within the tolerance of {@code target} (a window without a rate does not object). */
    private boolean near(List<PerSecond.Second> window, double target) {
        Double median = PerSecond.median(window, SecondPoint::throughputRps);
        return median == null || Math.abs(median - target) <= thresholds.recovered() * target;
    }

    // ---- coldstart: fixed load on a fresh JVM ----

    List<String> coldstart() {
        List<String> lines = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            if (variant.steps().stream().anyMatch(step -> !Steps.valid(step))) {
                continue;
            }
            PerSecond timeline = PerSecond.of(variant);
            List<PerSecond.Second> seconds = timeline.seconds();
            int window = thresholds.steadySeconds();
            if (seconds.size() < 2 * window) {
                continue;
            }
            List<PerSecond.Second> tail =
                    seconds.subList(seconds.size() - Math.max(window, seconds.size() / 3), seconds.size());
            Optional<StepRun.Timeline> runner = runnerTimeline(variant);
            // The runner's figures when it wrote them, else the same rule applied to the series here.
            Double steady =
                    runner.map(StepRun.Timeline::steadyRps).orElse(PerSecond.median(tail, SecondPoint::throughputRps));
            if (steady == null) {
                continue;
            }
            Optional<Double> at =
                    runner.map(StepRun.Timeline::secondsTo90Percent).or(() -> firstSteady(seconds, steady));
            Double steadyP99 = PerSecond.median(tail, SecondPoint::p99Ms);
            List<PerSecond.Second> head = seconds.subList(0, window);
            StringBuilder line = new StringBuilder(variant.name());
            if (variant.startupSeconds() > 0) {
                line.append(" was ready ")
                        .append(Fmt.shortSeconds(variant.startupSeconds()))
                        .append(" after start; it");
            }
            line.append(" reached 90 % of its steady ")
                    .append(Fmt.rps(steady))
                    .append(at.map(t -> " after " + Fmt.shortSeconds(t) + " of load")
                            .orElse(" only at the end"))
                    .append("; in its first ")
                    .append(window)
                    .append(" s it served ")
                    .append(Fmt.rps(PerSecond.median(head, SecondPoint::throughputRps)))
                    .append(" at p99 ")
                    .append(Fmt.duration(PerSecond.max(head, SecondPoint::p99Ms)))
                    .append(" (steady p99 ")
                    .append(Fmt.duration(steadyP99))
                    .append(")");
            Double cpuHead = PerSecond.median(head, SecondPoint::appCpuCores);
            if (cpuHead != null) {
                line.append(", using ").append(Fmt.cores(cpuHead)).append(" cores while the JIT compiled");
            }
            lines.add(line.append(
                            ". A freshly started pod gets traffic as soon as it is ready: this is what that traffic saw.")
                    .toString());
        }
        return lines;
    }

    // ---- c10k: thousands of requests in flight ----

    /**
     * The seed's estimate (a 1 MiB stack per thread) against what was measured: Native Memory
     * Tracking's reserved and committed stacks when the run has them, else the thread count alone.
     */
    private static String threadsAgainstTheSeed(VariantRun variant, StepRun step, int inFlight) {
        double threads = Steps.median(step, Figures::osThreads);
        String seed = " (the seed's estimate for " + Fmt.count(inFlight) + ": "
                + Fmt.count(inFlight * C10kCharts.SEED_STACK_MIB_PER_THREAD) + " MiB)";
        String rss = Fmt.mib(Steps.median(step, Figures::rssMiB));
        String why = ": Linux commits stack pages only when touched, so reserved stack is not memory.";
        Double reserved = Steps.median(step, Figures::stacksReservedMiB);
        Double committed = Steps.median(step, Figures::stacksCommittedMiB);
        Double tracked = Steps.median(step, Figures::stackThreads);
        String head = "c10k, " + Fmt.count(inFlight) + " requests in flight: " + variant.name() + " ran "
                + Fmt.count(threads) + " OS threads";
        if (reserved != null && committed != null && tracked != null && tracked > 0) {
            return head + "; their stacks reserved " + Fmt.mib(reserved) + " of address space" + seed
                    + " but committed only " + Fmt.mib(committed) + " (" + Fmt.count(committed * KIB_PER_MIB / tracked)
                    + " KiB per thread), and its whole RSS was " + rss + why;
        }
        return head + "; at the seed's 1 MiB of stack each that is "
                + Fmt.count(threads * C10kCharts.SEED_STACK_MIB_PER_THREAD) + " MiB of address space" + seed
                + ", yet its whole RSS was " + rss + why;
    }

    List<String> c10k() {
        List<String> lines = new ArrayList<>();
        int inFlight = C10kCharts.inFlight(run);
        record Held(VariantRun variant, StepRun step) {}
        List<Held> held = run.variants().stream()
                .map(v -> new Held(v, C10kCharts.step(v)))
                .filter(h -> h.step() != null && Steps.valid(h.step()))
                .toList();
        held.stream()
                .filter(h -> Steps.median(h.step(), Figures::osThreads) != null)
                .max(Comparator.comparing(h -> Steps.median(h.step(), Figures::osThreads)))
                .ifPresent(h -> lines.add(threadsAgainstTheSeed(h.variant(), h.step(), inFlight)));
        Optional<Held> leanest = held.stream()
                .filter(h -> Steps.across(h.step(), Figures::rssMiB) != null)
                .min(Comparator.comparing(h -> Steps.median(h.step(), Figures::rssMiB)));
        for (Held h : held) {
            StepRun step = h.step();
            StringBuilder line = new StringBuilder("c10k ")
                    .append(h.variant().name())
                    .append(": ")
                    .append(Fmt.count(Steps.median(step, Figures::ok)))
                    .append(" ok / ")
                    .append(Fmt.count(Steps.median(step, Figures::ko)))
                    .append(" errors per repeat, p99 ")
                    .append(Fmt.duration(
                            Steps.p99(step) == null ? null : Steps.p99(step).median()))
                    .append(", ")
                    .append(Fmt.count(Steps.median(step, Figures::osThreads)))
                    .append(" OS threads, RSS ")
                    .append(Fmt.mib(Steps.median(step, Figures::rssMiB)))
                    .append(", ")
                    .append(Fmt.decimal(Steps.median(step, Figures::contextSwitchesPerRequest), 1))
                    .append(" context switches per request");
            leanest.filter(l -> l != h).ifPresent(l -> {
                Stat rss = Steps.across(step, Figures::rssMiB);
                Stat leanRss = Steps.across(l.step(), Figures::rssMiB);
                line.append("; RSS ")
                        .append(Compare.times(rss, leanRss, l.variant().name(), Fmt::count));
                Stat cs = Steps.across(step, Figures::contextSwitchesPerRequest);
                Stat leanCs = Steps.across(l.step(), Figures::contextSwitchesPerRequest);
                if (cs != null && leanCs != null && leanCs.median() > 0) {
                    line.append(", context switches ")
                            .append(Compare.times(cs, leanCs, l.variant().name(), v -> Fmt.decimal(v, 1)));
                }
            });
            lines.add(line.append('.').toString());
        }
        return lines;
    }
}
