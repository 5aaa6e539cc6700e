package lab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lab.results.Measurement.SecondPoint;
import lab.results.RunResults;
import lab.results.ScenarioSpec;
import lab.results.StepRun;
import lab.results.VariantRun;

/** The readings of the scenarios that are not a ladder: a slowdown's phases, a cold start, c10k. */
final class ScenarioReadings {

    private final RunResults run;
    private final ReportThresholds thresholds;

    ScenarioReadings(RunResults run, ReportThresholds thresholds) {
        this.run = run;
        this.thresholds = thresholds;
    }

    // ---- slowdown: the downstream gets slower mid-run ----

    List<String> slowdown() {
        List<String> lines = new ArrayList<>();
        List<ScenarioSpec.Phase> phases = Runs.phases(run);
        for (VariantRun variant : run.variants()) {
            if (variant.steps().stream().anyMatch(step -> !Steps.valid(step))) {
                continue; // its series mixes trusted and untrusted seconds: the warnings say why
            }
            Timeline timeline = Timeline.of(variant);
            if (timeline.isEmpty()) {
                continue;
            }
            for (int i = 0; i < phases.size(); i++) {
                ScenarioSpec.Phase phase = phases.get(i);
                double start = phase.atSecond();
                double end = start + phase.seconds();
                double previousEnd = i == 0
                        ? 0
                        : phases.get(i - 1).atSecond() + phases.get(i - 1).seconds();
                double nextStart = i + 1 < phases.size() ? phases.get(i + 1).atSecond() : timeline.end();
                lines.add(phase(
                        variant,
                        timeline,
                        phase,
                        timeline.between(previousEnd, start),
                        timeline.between(start, end),
                        timeline.between(end, nextStart)));
            }
        }
        return lines;
    }

    private String phase(
            VariantRun variant,
            Timeline timeline,
            ScenarioSpec.Phase phase,
            List<Timeline.Second> before,
            List<Timeline.Second> during,
            List<Timeline.Second> after) {
        Double rateBefore = Timeline.median(before, SecondPoint::throughputRps);
        Double rateDuring = Timeline.median(during, SecondPoint::throughputRps);
        Double offered = Timeline.median(during, SecondPoint::offeredRps);
        Double p99Before = Timeline.median(before, SecondPoint::p99Ms);
        Double p99During = Timeline.max(during, SecondPoint::p99Ms);
        double errors = Timeline.sum(during, SecondPoint::ko);
        Double inFlight = Timeline.max(during, SecondPoint::inFlight);
        Double busy = Timeline.max(during, SecondPoint::threadsBusy);
        StringBuilder line = new StringBuilder("During '")
                .append(phase.name())
                .append("' (downstream +")
                .append(Fmt.count(phase.extraLatencyMs()))
                .append(" ms from ")
                .append(Fmt.count(phase.atSecond()))
                .append(" s for ")
                .append(Fmt.count(phase.seconds()))
                .append(" s) ")
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
        }
        if (busy != null) {
            line.append(", ").append(Fmt.count(busy)).append(" busy threads");
        }
        threadModel(variant, phase)
                .ifPresent(model -> line.append(" (the model: ").append(model).append(")"));
        if (rateBefore != null && rateDuring != null) {
            if (Math.abs(rateDuring - rateBefore) <= thresholds.recovered() * rateBefore) {
                line.append("; it kept its rate");
            } else {
                line.append(recovery(timeline, rateBefore, after, phase));
            }
        }
        return line.append('.').toString();
    }

    /** What threads allow while every call takes longer: maxThreads / (delay + extra). */
    private Optional<String> threadModel(VariantRun variant, ScenarioSpec.Phase phase) {
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

    private String recovery(
            Timeline timeline, double rateBefore, List<Timeline.Second> after, ScenarioSpec.Phase phase) {
        double end = phase.atSecond() + phase.seconds();
        Optional<Double> back = firstSteady(after, rateBefore);
        return back.map(t -> "; it was back within " + Fmt.wholePercent(thresholds.recovered())
                        + " of its earlier rate " + Fmt.shortSeconds(t - end) + " after the phase ended")
                .orElse("; it had not recovered its earlier rate by the end of the phase's aftermath ("
                        + Fmt.shortSeconds(timeline.end() - end) + ")");
    }

    /** The first second from which the rate stays within the tolerance of {@code target} for the steady window. */
    private Optional<Double> firstSteady(List<Timeline.Second> seconds, double target) {
        int window = thresholds.steadySeconds();
        for (int i = 0; i + window <= seconds.size(); i++) {
            Double median = Timeline.median(seconds.subList(i, i + window), SecondPoint::throughputRps);
            if (median != null && Math.abs(median - target) <= thresholds.recovered() * target) {
                boolean stays = true;
                for (int j = i + 1; j + window <= seconds.size(); j++) {
                    Double later = Timeline.median(seconds.subList(j, j + window), SecondPoint::throughputRps);
                    if (later != null && Math.abs(later - target) > thresholds.recovered() * target) {
                        stays = false;
                        break;
                    }
                }
                if (stays) {
                    return Optional.of(seconds.get(i).t());
                }
            }
        }
        return Optional.empty();
    }

    // ---- coldstart: fixed load on a fresh JVM ----

    List<String> coldstart() {
        List<String> lines = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            if (variant.steps().stream().anyMatch(step -> !Steps.valid(step))) {
                continue;
            }
            Timeline timeline = Timeline.of(variant);
            List<Timeline.Second> seconds = timeline.seconds();
            int window = thresholds.steadySeconds();
            if (seconds.size() < 2 * window) {
                continue;
            }
            List<Timeline.Second> tail =
                    seconds.subList(seconds.size() - Math.max(window, seconds.size() / 3), seconds.size());
            Double steady = Timeline.median(tail, SecondPoint::throughputRps);
            Double steadyP99 = Timeline.median(tail, SecondPoint::p99Ms);
            List<Timeline.Second> head = seconds.subList(0, window);
            if (steady == null) {
                continue;
            }
            Optional<Double> at = firstSteady(seconds, steady);
            StringBuilder line = new StringBuilder(variant.name());
            if (variant.startupSeconds() > 0) {
                line.append(" was ready ")
                        .append(Fmt.shortSeconds(variant.startupSeconds()))
                        .append(" after start; it");
            }
            line.append(" reached its steady ")
                    .append(Fmt.rps(steady))
                    .append(at.map(t -> " after " + Fmt.shortSeconds(t) + " of load")
                            .orElse(" only at the end"))
                    .append("; in its first ")
                    .append(window)
                    .append(" s it served ")
                    .append(Fmt.rps(Timeline.median(head, SecondPoint::throughputRps)))
                    .append(" at p99 ")
                    .append(Fmt.duration(Timeline.max(head, SecondPoint::p99Ms)))
                    .append(" (steady p99 ")
                    .append(Fmt.duration(steadyP99))
                    .append(")");
            Double cpuHead = Timeline.median(head, SecondPoint::appCpuCores);
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
                .ifPresent(h -> {
                    double threads = Steps.median(h.step(), Figures::osThreads);
                    lines.add("c10k, " + Fmt.count(inFlight) + " requests in flight: "
                            + h.variant().name() + " ran "
                            + Fmt.count(threads) + " OS threads; at the seed's 1 MiB of stack each that is "
                            + Fmt.count(threads * C10kCharts.SEED_STACK_MIB_PER_THREAD)
                            + " MiB of address space (the seed's estimate for " + Fmt.count(inFlight) + ": "
                            + Fmt.count(inFlight * C10kCharts.SEED_STACK_MIB_PER_THREAD)
                            + " MiB), yet its whole RSS was "
                            + Fmt.mib(Steps.median(h.step(), Figures::rssMiB))
                            + ": Linux commits stack pages only when touched, so reserved stack is not memory.");
                });
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
