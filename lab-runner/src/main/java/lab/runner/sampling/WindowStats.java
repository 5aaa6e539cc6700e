package lab.runner.sampling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import lab.runrecord.Measurement;

/**
 * What the samples of one steady window say about the app, its cgroup and the load side. The
 * window's figures come from the first and last sample inside it (CPU, counters: deltas over that
 * span) and from every sample inside it (highest values); samples outside the window, such as the
 * ramp's, never count.
 */
public final class WindowStats {

    private static final double MS_PER_S = 1000.0;
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;
    private static final double P99 = 0.99;
    /**
     * The stub's overhead is the median of a window's probes (one a second): a systematic slowness,
     * not one probe that met a GC pause of the stub (with 5 probes a 90th percentile is the maximum).
     */
    private static final double STUB_PROBE_QUANTILE = 0.5;

    private static final double MEDIAN = 0.5;
    private static final Predicate<Scrape.Series> ANY = s -> true;
    private static final Predicate<Scrape.Series> HEAP = s -> "heap".equals(s.label("area"));
    private static final Predicate<Scrape.Series> FANOUT_EXECUTOR = s -> Meters.FANOUT_EXECUTOR.equals(s.label("name"));

    private final List<Sample> window;
    private final List<Probe> stubProbes;
    private final List<Probe> healthProbes;
    private final double seconds;
    private final long fromMs;
    /** The scrapes taken within the window, each once, in the order they were taken. */
    private final List<Sample> scraped;

    private WindowStats(List<Sample> window, List<Probe> stubProbes, List<Probe> healthProbes, long fromMs, long toMs) {
        this.window = window;
        this.fromMs = fromMs;
        // each sample carries the last answered scrape: several may carry the same one, and the
        // first of a window may carry one taken before it began
        this.scraped = window.stream()
                .filter(s -> !s.scrape().isEmpty() && s.scrapedAtMs() >= fromMs && s.scrapedAtMs() <= toMs)
                .collect(Collectors.toMap(Sample::scrapedAtMs, s -> s, (a, b) -> a, TreeMap::new))
                .values()
                .stream()
                .toList();
        this.stubProbes = stubProbes;
        this.healthProbes = healthProbes;
        this.seconds = window.size() < 2
                ? 0
                : (window.getLast().epochMs() - window.getFirst().epochMs()) / MS_PER_S;
    }

    /** The samples and probes taken within {@code [fromMs, toMs]}. */
    public static WindowStats of(
            List<Sample> samples, List<Probe> stubProbes, List<Probe> healthProbes, long fromMs, long toMs) {
        return new WindowStats(
                samples.stream()
                        .filter(s -> s.epochMs() >= fromMs && s.epochMs() <= toMs)
                        .sorted(Comparator.comparingLong(Sample::epochMs))
                        .toList(),
                stubProbes.stream()
                        .filter(p -> p.epochMs() >= fromMs && p.epochMs() <= toMs)
                        .toList(),
                healthProbes.stream()
                        .filter(p -> p.epochMs() >= fromMs && p.epochMs() <= toMs)
                        .toList(),
                fromMs,
                toMs);
    }

    /** Seconds between the first and last sample in the window (0 with fewer than two). */
    public double seconds() {
        return seconds;
    }

    public int samples() {
        return window.size();
    }

    /** The app's CPU in cores over the window. */
    public double appCpuCores() {
        return cores(Sample::app);
    }

    /** The load generator's CPU in cores over the window. */
    public double loadGenCpuCores() {
        return cores(Sample::loadGen);
    }

    public Measurement.App app(double throughputRps, Double contextSwitchesPerRequest) {
        double cpu = appCpuCores();
        return new Measurement.App(
                cpu,
                throughputRps > 0 ? cpu * MS_PER_S / throughputRps : null,
                maxProc(p -> p.rssMiB()),
                (int) maxProc(p -> p.threads()),
                intOrNull(maxMeter(Meters.THREADS_LIVE)),
                maxOver(WindowStats::tomcatBusy),
                maxMeter(Meters.EVENT_LOOP_PENDING),
                maxMeter(Meters.IN_PROGRESS),
                gc(cpu),
                heap(),
                clientPool(),
                executor(),
                contextSwitchesPerRequest,
                (int) window.stream().filter(Sample::scrapeFailed).count(),
                null);
    }

    Measurement.Gc gc(double appCpuCores) {
        Double pauseSeconds = delta(Meters.GC_PAUSE + Meters.SUM);
        Double pauses = delta(Meters.GC_PAUSE + Meters.COUNT);
        // one series per GC action and cause: the longest pause is the largest of their maxima, not their sum
        Double maxPause = maxOver(s -> s.scrape().max(Meters.GC_PAUSE + Meters.MAX));
        Double gcCpu = null;
        List<Sample> withGc =
                window.stream().filter(s -> s.gcCpuSeconds() != null).toList();
        if (withGc.size() >= 2 && seconds > 0 && appCpuCores > 0) {
            double gcCores =
                    (withGc.getLast().gcCpuSeconds() - withGc.getFirst().gcCpuSeconds())
                            / ((withGc.getLast().epochMs() - withGc.getFirst().epochMs()) / MS_PER_S);
            gcCpu = Math.max(0, Math.min(1, gcCores / appCpuCores));
        }
        double scrapedSeconds = scrapedSeconds();
        return new Measurement.Gc(
                pauseSeconds == null || scrapedSeconds <= 0 ? null : pauseSeconds / scrapedSeconds,
                gcCpu,
                pauses == null ? null : Math.round(pauses),
                maxPause == null ? null : maxPause * MS_PER_S);
    }

    Measurement.Heap heap() {
        Double used = scraped.stream()
                .map(s -> s.scrape().sum(Meters.MEMORY_USED, HEAP))
                .filter(Objects::nonNull)
                .max(Double::compare)
                .orElse(null);
        Double reported = last(s -> s.scrape().sum(Meters.GC_LIVE_DATA));
        // 0 until the first collection of the old generation: unknown, not an empty heap
        Double live = reported == null || reported <= 0 ? null : reported;
        Double max = last(s -> s.scrape().sum(Meters.GC_MAX_DATA));
        return new Measurement.Heap(mib(used), mib(live), mib(max));
    }

    /**
     * The downstream pool the load used. mvc-app has Apache HttpClient 5's; webflux-app has Reactor
     * Netty's for its WebClient (/api/io, /api/fanout) and app-core's HttpClient 5 one as well
     * (/api/blocking-io, /api/offloaded-io), so neither pool's mere presence says which one is in use:
     * the busier of the two is (HttpClient 5's when both are idle).
     */
    Measurement.ClientPool clientPool() {
        Measurement.ClientPool hc5 = new Measurement.ClientPool(
                maxOver(s -> s.scrape().sum(Meters.HC5_LEASED, x -> "leased".equals(x.label("state")))),
                maxMeter(Meters.HC5_PENDING),
                maxMeter(Meters.HC5_MAX));
        // connections in use summed over the providers; the limit is a provider's own, not their sum
        Measurement.ClientPool netty = new Measurement.ClientPool(
                maxMeter(Meters.NETTY_ACTIVE),
                maxMeter(Meters.NETTY_PENDING),
                maxOver(s -> s.scrape().max(Meters.NETTY_MAX)));
        if (!scraped(netty)) {
            return hc5;
        }
        if (!scraped(hc5)) {
            return netty;
        }
        return busy(netty) > busy(hc5) ? netty : hc5;
    }

    private static boolean scraped(Measurement.ClientPool pool) {
        return pool.activeMax() != null || pool.pendingMax() != null || pool.maxConnections() != null;
    }

    /** Connections in use plus calls waiting for one, at their highest. */
    private static double busy(Measurement.ClientPool pool) {
        return (pool.activeMax() == null ? 0 : pool.activeMax()) + (pool.pendingMax() == null ? 0 : pool.pendingMax());
    }

    /** The fan-out executor ({@code applicationTaskExecutor}); null when no scrape of the window had it. */
    Measurement.Executor executor() {
        Double active = maxOver(s -> s.scrape().sum(Meters.EXECUTOR_ACTIVE, FANOUT_EXECUTOR));
        Double queued = maxOver(s -> s.scrape().sum(Meters.EXECUTOR_QUEUED, FANOUT_EXECUTOR));
        Double max = maxOver(s -> s.scrape().sum(Meters.EXECUTOR_MAX, FANOUT_EXECUTOR));
        return active == null && queued == null && max == null ? null : new Measurement.Executor(active, queued, max);
    }

    public Measurement.Server server() {
        Double health = percentile(
                healthProbes.stream()
                        .filter(p -> p.latencyMs() >= 0)
                        .map(Probe::latencyMs)
                        .toList(),
                MEDIAN);
        if (scraped.size() < 2) {
            return new Measurement.Server(null, null, null, health);
        }
        // a failed scrape is empty: as the first, it would make the histogram's delta its whole life's counts
        Scrape first = scraped.getFirst().scrape();
        Scrape last = scraped.getLast().scrape();
        Double p99 = Histograms.quantile(first.buckets(Meters.SERVER, ANY), last.buckets(Meters.SERVER, ANY), P99);
        return new Measurement.Server(
                meanMs(Meters.SERVER), p99 == null ? null : p99 * MS_PER_S, meanMs(Meters.CLIENT), health);
    }

    /** The cgroup's counters over the window; null when the app has no cgroup. */
    public Measurement.Cgroup cgroup() {
        List<CgroupReading> readings =
                window.stream().map(Sample::cgroup).filter(Objects::nonNull).toList();
        if (readings.size() < 2) {
            return null;
        }
        CgroupReading a = readings.getFirst();
        CgroupReading b = readings.getLast();
        long periods = b.periods() - a.periods();
        return new Measurement.Cgroup(
                periods <= 0 ? 0 : (double) (b.throttledPeriods() - a.throttledPeriods()) / periods,
                b.throttledSeconds() - a.throttledSeconds(),
                readings.stream()
                        .mapToDouble(CgroupReading::memoryUsageMiB)
                        .max()
                        .orElse(0),
                b.memoryLimitMiB(),
                b.oomKills() - a.oomKills());
    }

    /**
     * @param loadCpuBudget cores the load side (stub, load generator, runner) had
     * @param delayMs what the stub probe asked for
     */
    public Measurement.LoadSide loadSide(double throughputRps, double loadCpuBudget, int delayMs) {
        double gatling = cores(Sample::loadGen);
        double stub = cores(Sample::stub);
        List<Double> probes = stubProbes.stream()
                .map(p -> p.latencyMs() < 0 ? Double.POSITIVE_INFINITY : p.latencyMs())
                .toList();
        Double typical = percentile(probes, STUB_PROBE_QUANTILE);
        return new Measurement.LoadSide(
                gatling,
                throughputRps > 0 ? gatling * MS_PER_S / throughputRps : null,
                stub,
                throughputRps > 0 ? stub * MS_PER_S / throughputRps : null,
                loadCpuBudget,
                typical == null ? null : typical - delayMs,
                foreignCores());
    }

    /**
     * One point per sample (second), {@code t} counted from the window's start, the client's
     * figures left empty for the caller to fill.
     */
    public List<Measurement.SecondPoint> series() {
        List<Measurement.SecondPoint> points = new ArrayList<>();
        long t0 = fromMs;
        Sample previous = null;
        for (Sample s : window) {
            List<Sample> pair = previous == null ? null : List.of(previous, s);
            // a scrape shows in the second that first carries it, not again while the next one waits
            boolean fresh = !s.scrape().isEmpty()
                    && s.scrapedAtMs() >= fromMs
                    && (previous == null || s.scrapedAtMs() > previous.scrapedAtMs());
            points.add(new Measurement.SecondPoint(
                    (s.epochMs() - t0) / MS_PER_S,
                    null,
                    null,
                    null,
                    null,
                    null,
                    pair == null ? null : cores(pair, Sample::app),
                    s.app() == null ? null : s.app().rssMiB(),
                    fresh ? s.scrape().sum(Meters.THREADS_LIVE) : null,
                    fresh ? tomcatBusy(s) : null,
                    fresh ? s.scrape().sum(Meters.IN_PROGRESS) : null,
                    fresh ? s.scrape().sum(Meters.EVENT_LOOP_PENDING) : null,
                    pair == null ? null : throttledShare(previous, s),
                    pair == null ? null : cores(pair, Sample::loadGen),
                    pair == null ? null : cores(pair, Sample::stub),
                    healthAt(s.epochMs())));
            previous = s;
        }
        return points;
    }

    private Double healthAt(long epochMs) {
        return healthProbes.stream()
                .filter(p -> p.latencyMs() >= 0 && Math.abs(p.epochMs() - epochMs) < MS_PER_S / 2)
                .map(Probe::latencyMs)
                .findFirst()
                .orElse(null);
    }

    private static Double throttledShare(Sample a, Sample b) {
        if (a.cgroup() == null || b.cgroup() == null) {
            return null;
        }
        long periods = b.cgroup().periods() - a.cgroup().periods();
        return periods <= 0
                ? 0.0
                : (double) (b.cgroup().throttledPeriods() - a.cgroup().throttledPeriods()) / periods;
    }

    /** CPU other processes used on the app's CPUs (cores): busy time of those CPUs minus the app's. */
    double foreignCores() {
        List<Sample> known = window.stream()
                .filter(s -> s.appCpusBusySeconds() >= 0 && s.app() != null)
                .toList();
        if (known.size() < 2) {
            return 0;
        }
        Sample first = known.getFirst();
        Sample last = known.getLast();
        double span = (last.epochMs() - first.epochMs()) / MS_PER_S;
        if (span <= 0) {
            return 0;
        }
        double busy = last.appCpusBusySeconds() - first.appCpusBusySeconds();
        double app = last.app().cpuSeconds() - first.app().cpuSeconds();
        return Math.max(0, (busy - app) / span);
    }

    private double cores(Function<Sample, ProcStats> which) {
        return cores(window, which);
    }

    /** CPU cores used between the first and last sample where the process was seen. */
    static double cores(List<Sample> samples, Function<Sample, ProcStats> which) {
        Sample first = null;
        Sample last = null;
        for (Sample s : samples) {
            if (which.apply(s) != null) {
                if (first == null) {
                    first = s;
                }
                last = s;
            }
        }
        if (first == null || last == first || last.epochMs() == first.epochMs()) {
            return 0;
        }
        return (which.apply(last).cpuSeconds() - which.apply(first).cpuSeconds())
                / ((last.epochMs() - first.epochMs()) / MS_PER_S);
    }

    private Double meanMs(String histogram) {
        Double count = delta(histogram + Meters.COUNT);
        Double sum = delta(histogram + Meters.SUM);
        return count == null || sum == null || count <= 0 ? null : sum * MS_PER_S / count;
    }

    /** Seconds between the first and last answered scrape (0 with fewer than two), by when they were taken. */
    private double scrapedSeconds() {
        return scraped.size() < 2
                ? 0
                : (scraped.getLast().scrapedAtMs() - scraped.getFirst().scrapedAtMs()) / MS_PER_S;
    }

    /** Last minus first scraped value of a cumulative meter; null when either scrape lacks it. */
    private Double delta(String name) {
        if (scraped.size() < 2) {
            return null;
        }
        Double a = scraped.getFirst().scrape().sum(name);
        Double b = scraped.getLast().scrape().sum(name);
        return a == null || b == null ? null : b - a;
    }

    /**
     * Tomcat's busy threads; null where Tomcat has no thread pool to count: on virtual threads it
     * reports -1.
     */
    private static Double tomcatBusy(Sample s) {
        Double busy = s.scrape().sum(Meters.TOMCAT_BUSY);
        return busy == null || busy < 0 ? null : busy;
    }

    private Double maxMeter(String name) {
        return maxOver(s -> s.scrape().sum(name));
    }

    private Double maxOver(Function<Sample, Double> value) {
        return scraped.stream()
                .map(value)
                .filter(Objects::nonNull)
                .max(Double::compare)
                .orElse(null);
    }

    private Double last(Function<Sample, Double> value) {
        Double found = null;
        for (Sample s : scraped) {
            Double v = value.apply(s);
            if (v != null) {
                found = v;
            }
        }
        return found;
    }

    private double maxProc(ToDoubleFunction<ProcStats> value) {
        OptionalDouble max = window.stream()
                .map(Sample::app)
                .filter(Objects::nonNull)
                .mapToDouble(value)
                .max();
        return max.orElse(0);
    }

    private static Integer intOrNull(Double value) {
        return value == null ? null : (int) Math.round(value);
    }

    private static Double mib(Double bytes) {
        return bytes == null ? null : bytes / BYTES_PER_MIB;
    }

    /** The {@code q} quantile (nearest rank) of the values; null when there are none. */
    static Double percentile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
