package lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The plain-language reading of a run, generated from its numbers: where each variant hit its
 * ceiling and why, what latency did past it, what the open model and c10k showed, and which steps
 * cannot be trusted.
 */
final class Narrative {

    private final Results results;
    private final ReportThresholds thresholds;

    Narrative(Results results, ReportThresholds thresholds) {
        this.results = results;
        this.thresholds = thresholds;
    }

    /**
     * @param findings what the numbers say, one self-contained sentence or two per line
     * @param warnings steps that were left out of the findings, and why
     */
    record Reading(List<String> findings, List<String> warnings) {}

    Reading read() {
        List<String> findings = new ArrayList<>();
        List<Saturation> saturations = results.variants().stream()
                .map(variant -> Saturation.of(variant, results.appCpus(), thresholds))
                .flatMap(Optional::stream)
                .toList();
        Optional<Saturation> baseline = saturations.stream().findFirst();
        results.variants().stream()
                .filter(variant ->
                        !variant.steps().isEmpty() && variant.validSteps().isEmpty())
                .forEach(variant ->
                        findings.add(variant.name() + ": no valid step, so nothing to read from its ladder."));
        for (Saturation saturation : saturations) {
            findings.add(ceiling(saturation, baseline.filter(b -> b != saturation)));
            queueing(saturation).ifPresent(findings::add);
            hiddenQueueing(saturation).ifPresent(findings::add);
        }
        results.variants().forEach(variant -> errors(variant).ifPresent(findings::add));
        openModel().ifPresent(findings::add);
        results.c10k().ifPresent(c10k -> findings.addAll(c10k(c10k)));
        return new Reading(List.copyOf(findings), warnings());
    }

    private String ceiling(Saturation s, Optional<Saturation> baseline) {
        String name = s.variant().name();
        if (s.variant().validSteps().size() < 2) {
            return name + ": only one valid step (" + Fmt.rps(s.peak().throughputRps()) + " at "
                    + Fmt.count(s.peak().users()) + " users), too few to look for a ceiling.";
        }
        if (!s.hasCeiling()) {
            Step last = s.peak();
            String littles = results.delaySeconds()
                    .map(delay -> ", " + Fmt.count(100 * last.throughputRps() / (last.users() / delay))
                            + " % of Little's law (" + Fmt.count(last.users()) + " users / " + Fmt.seconds(delay)
                            + ")")
                    .orElse("");
            return name + " kept scaling: " + Fmt.rps(last.throughputRps()) + " at " + Fmt.count(last.users())
                    + " users" + littles + "; no ceiling within this ladder.";
        }
        StringBuilder line = new StringBuilder(name)
                .append(" reached its ceiling of ")
                .append(Fmt.rps(s.ceiling()))
                .append(" at ")
                .append(Fmt.count(s.reachedAt().users()))
                .append(" users");
        baseline.filter(Saturation::hasCeiling)
                .ifPresent(b -> line.append(", ")
                        .append(Fmt.ratio(s.ceiling() / b.ceiling()))
                        .append(' ')
                        .append(b.variant().name()));
        line.append(
                switch (s.limit()) {
                    case THREAD_POOL ->
                        ", limited by its thread pool (" + Fmt.count(s.threadPoolSize()) + " threads / "
                                + Fmt.seconds(s.serviceTimeSeconds()) + " per request = "
                                + Fmt.rps(s.threadPoolCeiling()) + ")";
                    case CPU ->
                        ", limited by CPU (" + Fmt.cores(s.peak().appCpuCores()) + " cores of "
                                + Settings.display(s.cpus()) + ")";
                    case UNEXPLAINED ->
                        ", limited by neither its thread pool nor CPU ("
                                + Fmt.cores(s.peak().appCpuCores()) + " cores"
                                + (s.cpus() == null ? "" : " of " + Settings.display(s.cpus()))
                                + "): look at the downstream, the client connection pool and the load generator";
                    case NONE -> "";
                });
        return line.append('.').toString();
    }

    /** Past the ceiling, users only wait: response time = users / ceiling (Little's law again). */
    private Optional<String> queueing(Saturation s) {
        if (!s.hasCeiling()) {
            return Optional.empty();
        }
        Optional<Step> deepest = s.variant().validSteps().stream()
                .filter(step -> step.users() > s.reachedAt().users() && step.p50Ms() != null && step.p99Ms() != null)
                .reduce((first, second) -> second);
        return deepest.map(step -> "Beyond it " + s.variant().name() + "'s latency grew as users / ceiling: at "
                + Fmt.count(step.users()) + " users p50 was " + Fmt.duration(step.p50Ms()) + " ("
                + Fmt.count(step.users()) + " / " + Fmt.rps(s.ceiling()) + " = "
                + Fmt.duration(step.users() / s.ceiling() * Fmt.MILLIS_PER_SECOND) + ") and p99 "
                + Fmt.duration(step.p99Ms()) + ".");
    }

    /**
     * Time spent queued before the app's timer starts shows up in Gatling only. Compares p99 with
     * p99 when the app's p99 is known, else mean with mean.
     */
    private Optional<String> hiddenQueueing(Saturation s) {
        return s.variant().validSteps().stream()
                .map(step -> step.serverP99Ms() != null
                        ? new Pair(step, "p99", step.p99Ms(), step.serverP99Ms())
                        : new Pair(step, "mean", step.meanMs(), step.serverMeanMs()))
                .filter(pair -> pair.client() != null && pair.server() != null)
                .filter(pair -> pair.client() >= thresholds.queueingVisible() * pair.server())
                .reduce((first, second) -> second)
                .map(
                        pair -> "At " + Fmt.count(pair.step().users()) + " users "
                                + s.variant().name()
                                + "'s own timer (http.server.requests) saw a " + pair.statistic() + " of "
                                + Fmt.duration(pair.server())
                                + " while Gatling saw " + Fmt.duration(pair.client())
                                + ": the difference is time queued before the server's timer starts, which only the client sees.");
    }

    private record Pair(Step step, String statistic, Double client, Double server) {}

    private Optional<String> errors(Variant variant) {
        List<String> parts = variant.steps().stream()
                .filter(step -> step.errorCount() > 0)
                .map(step -> Fmt.count(step.errorCount()) + " at " + Fmt.count(step.users()) + " users ("
                        + byClass(step.errors()) + ")")
                .toList();
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(variant.name() + " had errors: " + String.join("; ", parts) + ".");
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

    private Optional<String> openModel() {
        List<Variant> withOpen = results.variants().stream()
                .filter(variant ->
                        variant.openModel() != null && variant.openModel().throughputRps() != null)
                .toList();
        if (withOpen.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (Variant variant : withOpen) {
            OpenModel open = variant.openModel();
            StringBuilder part = new StringBuilder(variant.name())
                    .append(" achieved ")
                    .append(Fmt.rps(open.throughputRps()))
                    .append(" of ")
                    .append(Fmt.count(open.rate()))
                    .append(" req/s offered, p99 ")
                    .append(Fmt.duration(open.p99Ms()));
            if (open.rate() != null && open.throughputRps() < thresholds.keptUp() * open.rate()) {
                part.append(" (it cannot keep up, so its queue grows for the whole step)");
            }
            if (open.errorCount() > 0) {
                part.append(", ").append(Fmt.count(open.errorCount())).append(" errors");
            }
            if (!open.isValid()) {
                part.append(" [not trustworthy]");
            }
            parts.add(part.toString());
        }
        return Optional.of(
                "Open model (requests arrive at a fixed rate whatever the latency): " + String.join("; ", parts) + ".");
    }

    private List<String> c10k(C10k c10k) {
        List<String> lines = new ArrayList<>();
        String inFlight = Fmt.count(c10k.inFlight());
        c10k.runs().stream()
                .filter(run -> run.threadStackReservedMiB() != null)
                .max((a, b) -> Double.compare(a.threadStackReservedMiB(), b.threadStackReservedMiB()))
                .ifPresent(run -> lines.add("c10k, " + inFlight + " requests in flight: " + run.name() + " ran "
                        + Fmt.count(run.threadsLive()) + " threads and reserved "
                        + Fmt.count(run.threadStackReservedMiB())
                        + " MiB of thread stacks (the seed's estimate: " + inFlight + " × 1 MB = "
                        + Fmt.count(c10k.seedEstimateMiB()) + " MiB), but committed only "
                        + Fmt.count(run.threadStackCommittedMiB()) + " MiB; its RSS was " + Fmt.count(run.rssMiB())
                        + " MiB. Reserved address space is not memory; the cost of threads is elsewhere"
                        + " (context switches, scheduling latency)."));
        for (C10kRun run : c10k.runs()) {
            lines.add("c10k " + run.name() + ": " + Fmt.count(run.threadsLive()) + " threads, RSS "
                    + Fmt.count(run.rssMiB()) + " MiB, p99 " + Fmt.duration(run.p99Ms()) + ", "
                    + Fmt.count(run.errorCount()) + " errors, " + Fmt.decimal(run.contextSwitchesPerRequest(), 1)
                    + " context switches per request"
                    + (run.isValid()
                            ? "."
                            : " [not trustworthy: "
                                    + Optional.ofNullable(run.invalidReason()).orElse("no reason given") + "]."));
        }
        return lines;
    }

    private List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (InvalidStep invalid : InvalidStep.all(results)) {
            warnings.add(invalid.variant() + " " + invalid.step()
                    + " is not trustworthy and is left out of the reading: " + invalid.reason());
        }
        return List.copyOf(warnings);
    }
}
