package lab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import lab.report.Chart.Axis;
import lab.report.Chart.Point;
import lab.report.Chart.Series;

/** Turns results into the charts of report.html, in page order. */
final class ChartModel {

    static final String LADDER = "ladder";
    static final String OPEN = "open";
    static final String C10K = "c10k";
    /** Headroom above the highest measurement, so reference lines do not squash the data. */
    private static final double Y_HEADROOM = 1.25;

    private final Results results;

    ChartModel(Results results) {
        this.results = results;
    }

    /** The ladder's charts when the run has steps (a c10k-only run has none), the open model's, then c10k's. */
    List<Chart> charts() {
        List<Chart> charts = new ArrayList<>();
        boolean ladder =
                results.variants().stream().anyMatch(variant -> !variant.steps().isEmpty());
        boolean open = results.variants().stream().anyMatch(variant -> variant.openModel() != null);
        if (ladder) {
            charts.addAll(ladder());
        }
        if (open) {
            charts.add(openModel());
        }
        results.c10k().ifPresent(c10k -> charts.addAll(c10k(c10k)));
        return List.copyOf(charts);
    }

    private List<Chart> ladder() {
        List<Chart> charts = new ArrayList<>();
        charts.add(throughput());
        charts.add(latency());
        charts.add(perStep(
                "chart-threads",
                "Live threads vs users",
                "JVM live threads during each step: a platform thread per request in MVC, a handful in WebFlux.",
                Axis.of("live threads", "log"),
                step -> step.appThreadsLive() == null
                        ? null
                        : step.appThreadsLive().doubleValue()));
        charts.add(perStep(
                "chart-rss",
                "Resident memory (RSS) vs users",
                "Resident set size of the app process, from /proc, at the end of each step.",
                Axis.of("RSS (MiB)", "value"),
                Step::appRssMiB));
        charts.add(perStep(
                "chart-cpu",
                "CPU per request vs users",
                "App CPU time per request (CPU cores used / throughput): the cost of each model's machinery.",
                Axis.of("CPU ms per request", "value"),
                Step::cpuMsPerRequest));
        charts.add(errors());
        return charts;
    }

    private Chart throughput() {
        List<Series> series = new ArrayList<>();
        double highest = 0;
        for (Variant variant : results.variants()) {
            series.add(Series.line(variant.name(), variant.name(), "solid", points(variant, Step::throughputRps)));
            highest = Math.max(highest, max(variant, Step::throughputRps));
        }
        List<Integer> users = allUsers();
        Optional<Double> delay = results.delaySeconds();
        if (delay.isPresent() && !users.isEmpty()) {
            double seconds = delay.get();
            series.add(Series.reference(
                    "Little's law: users / " + Fmt.seconds(seconds),
                    null,
                    users.stream().map(n -> Point.of(n, n / seconds)).toList()));
            for (Variant variant : results.variants()) {
                Optional<Integer> pool = variant.threadPoolSize();
                if (pool.isPresent()) {
                    double ceiling = pool.get() / seconds;
                    highest = Math.max(highest, ceiling);
                    series.add(Series.reference(
                            variant.name() + " thread-pool ceiling: " + pool.get() + " / " + Fmt.seconds(seconds),
                            variant.name(),
                            List.of(Point.of(users.getFirst(), ceiling), Point.of(users.getLast(), ceiling))));
                }
            }
        }
        return new Chart(
                "chart-throughput",
                LADDER,
                "Throughput vs users",
                "Closed model: each user sends its next request when the last one returns. Little's law caps "
                        + "throughput at users / response time; a thread pool caps it at maxThreads / response time.",
                Axis.of("users", "ladder"),
                Axis.of("throughput (rps)", "value"),
                null,
                highest > 0 ? highest * Y_HEADROOM : null,
                series,
                null);
    }

    private Chart latency() {
        List<Series> series = new ArrayList<>();
        for (Variant variant : results.variants()) {
            series.add(Series.line(variant.name() + " p50", variant.name(), "dotted", points(variant, Step::p50Ms)));
            series.add(Series.line(variant.name() + " p99", variant.name(), "solid", points(variant, Step::p99Ms)));
            if (variant.steps().stream().anyMatch(step -> step.serverP99Ms() != null)) {
                series.add(Series.line(
                        variant.name() + " server p99", variant.name(), "server", points(variant, Step::serverP99Ms)));
            } else if (variant.steps().stream().anyMatch(step -> step.serverMeanMs() != null)) {
                series.add(Series.line(
                        variant.name() + " server mean",
                        variant.name(),
                        "server",
                        points(variant, Step::serverMeanMs)));
            }
        }
        return new Chart(
                "chart-latency",
                LADDER,
                "Latency (p50, p99) vs users",
                "As Gatling saw it (client side), log scale. \"server\" is the app's own timer "
                        + "(http.server.requests): it starts only once a thread picks the request up, so it misses queueing.",
                Axis.of("users", "ladder"),
                Axis.of("latency (ms)", "log"),
                null,
                null,
                series,
                null);
    }

    private Chart perStep(String id, String title, String caption, Axis y, Function<Step, Double> metric) {
        List<Series> series = results.variants().stream()
                .map(variant -> Series.line(variant.name(), variant.name(), "solid", points(variant, metric)))
                .toList();
        return new Chart(id, LADDER, title, caption, Axis.of("users", "ladder"), y, null, null, series, null);
    }

    private Chart errors() {
        List<String> users = allUsers().stream().map(String::valueOf).toList();
        List<Series> series = new ArrayList<>();
        for (Variant variant : results.variants()) {
            TreeSet<String> classes = new TreeSet<>();
            variant.steps().forEach(step -> classes.addAll(step.errors().keySet()));
            for (String errorClass : classes) {
                List<Point> data = variant.steps().stream()
                        .map(step -> new Point(
                                String.valueOf(step.users()),
                                step.errors().getOrDefault(errorClass, 0L).doubleValue(),
                                reason(step)))
                        .toList();
                series.add(Series.bar(variant.name() + ": " + errorClass, variant.name(), data)
                        .stacked(variant.name()));
            }
        }
        return new Chart(
                "chart-errors",
                LADDER,
                "Errors by class",
                "Failed requests per step, by the error Gatling reported, stacked per variant.",
                Axis.categories("users", users),
                Axis.of("errors", "value"),
                null,
                null,
                series,
                series.isEmpty() ? "No errors in any step." : null);
    }

    private Chart openModel() {
        List<Variant> variants = results.variants().stream()
                .filter(variant -> variant.openModel() != null)
                .toList();
        List<String> names = variants.stream().map(Variant::name).toList();
        List<Series> series = new ArrayList<>();
        if (!variants.isEmpty()) {
            series.add(Series.bar(
                    "offered (req/s)",
                    null,
                    variants.stream()
                            .map(v -> Point.of(v.name(), v.openModel().rate()))
                            .toList()));
            series.add(Series.bar(
                    "achieved (rps)",
                    null,
                    variants.stream()
                            .map(v -> new Point(v.name(), v.openModel().throughputRps(), reason(v.openModel())))
                            .toList()));
            series.add(Series.line(
                            "p99 (ms)",
                            null,
                            "markers",
                            variants.stream()
                                    .map(v -> new Point(v.name(), v.openModel().p99Ms(), reason(v.openModel())))
                                    .toList())
                    .onSecondAxis());
        }
        return new Chart(
                "chart-open-model",
                OPEN,
                "Open model: offered vs achieved",
                "Requests arrive at a fixed rate whatever the latency. A variant that cannot keep up builds a queue "
                        + "that grows for the whole step: its p99 is the queue's length, not the downstream delay.",
                Axis.categories("variant", names),
                Axis.of("requests per second", "value"),
                Axis.of("p99 (ms)", "log"),
                null,
                series,
                series.isEmpty() ? "No open-model step in this run." : null);
    }

    private List<Chart> c10k(C10k c10k) {
        List<String> names = c10k.runs().stream().map(C10kRun::name).toList();
        Axis variants = Axis.categories("variant", names);
        String seed = "seed estimate: " + Fmt.count(c10k.inFlight()) + " × 1 MB";
        List<Series> memory = List.of(
                c10kBars("RSS (MiB)", c10k, C10kRun::rssMiB),
                c10kBars("thread stacks reserved (MiB)", c10k, C10kRun::threadStackReservedMiB),
                c10kBars("thread stacks committed (MiB)", c10k, C10kRun::threadStackCommittedMiB),
                Series.reference(
                        seed,
                        null,
                        names.stream()
                                .map(name -> Point.of(name, c10k.seedEstimateMiB()))
                                .toList()));
        String inFlight = Fmt.count(c10k.inFlight()) + " requests in flight";
        return List.of(
                new Chart(
                        "chart-c10k-memory",
                        C10K,
                        "c10k memory: " + inFlight,
                        "Reserved stack is address space (Native Memory Tracking 'reserved'); committed stack is what "
                                + "the threads touched. The seed assumed reserved = used.",
                        variants,
                        Axis.of("MiB", "log"),
                        null,
                        null,
                        memory,
                        null),
                new Chart(
                        "chart-c10k-threads",
                        C10K,
                        "c10k live threads",
                        "JVM live threads while holding " + inFlight + ".",
                        variants,
                        Axis.of("live threads", "log"),
                        null,
                        null,
                        List.of(c10kBars(
                                "live threads",
                                c10k,
                                run -> run.threadsLive() == null
                                        ? null
                                        : run.threadsLive().doubleValue())),
                        null),
                new Chart(
                        "chart-c10k-latency",
                        C10K,
                        "c10k p99 and errors",
                        "Client-side p99 and failed requests.",
                        variants,
                        Axis.of("p99 (ms)", "value"),
                        Axis.of("errors", "value"),
                        null,
                        List.of(
                                c10kBars("p99 (ms)", c10k, C10kRun::p99Ms),
                                c10kBars("errors", c10k, run -> (double) run.errorCount())
                                        .onSecondAxis()),
                        null),
                new Chart(
                        "chart-c10k-switches",
                        C10K,
                        "c10k context switches per request",
                        "Voluntary + involuntary context switches of the app process (from /proc) per completed request.",
                        variants,
                        Axis.of("switches per request", "value"),
                        null,
                        null,
                        List.of(c10kBars("context switches per request", c10k, C10kRun::contextSwitchesPerRequest)),
                        null));
    }

    private static Series c10kBars(String name, C10k c10k, Function<C10kRun, Double> metric) {
        return Series.bar(
                name,
                null,
                c10k.runs().stream()
                        .map(run -> new Point(
                                run.name(),
                                metric.apply(run),
                                run.isValid() ? null : reasonOrDefault(run.invalidReason())))
                        .toList());
    }

    private static List<Point> points(Variant variant, Function<Step, Double> metric) {
        return variant.steps().stream()
                .filter(step -> metric.apply(step) != null)
                .map(step -> new Point(step.users(), metric.apply(step), reason(step)))
                .toList();
    }

    private static String reason(Step step) {
        return step.isValid() ? null : reasonOrDefault(step.invalidReason());
    }

    private static String reason(OpenModel open) {
        return open.isValid() ? null : reasonOrDefault(open.invalidReason());
    }

    private static String reasonOrDefault(String reason) {
        return reason == null || reason.isBlank() ? "not trustworthy (no reason given)" : reason;
    }

    private static double max(Variant variant, Function<Step, Double> metric) {
        return variant.steps().stream()
                .map(metric)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
    }

    private List<Integer> allUsers() {
        TreeSet<Integer> users = new TreeSet<>();
        results.variants().forEach(variant -> variant.steps().forEach(step -> users.add(step.users())));
        return List.copyOf(users);
    }

    /** Chart ids by section, for the template's containers. */
    static Map<String, List<Chart>> bySection(List<Chart> charts) {
        Map<String, List<Chart>> sections = new LinkedHashMap<>();
        charts.forEach(chart -> sections.computeIfAbsent(chart.section(), key -> new ArrayList<>())
                .add(chart));
        return sections;
    }
}
