package lab.runner.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import lab.runner.output.SeriesPoint;

/**
 * What one step's samples say, over the step's measured window (when Gatling's first user started
 * to its last answer): CPU as cores (CPU seconds per wall second), the highest RSS, threads and
 * meter values, mean server and downstream times from the meters' deltas, and the stub's overhead.
 */
public record StepMetrics(
        double appCpuCores,
        double appRssMiB,
        int appOsThreads,
        int jvmThreadsLive,
        double loadGenCpuCores,
        double stubCpuCores,
        double stubOverheadMs,
        Double serverMeanMs,
        Double downstreamMeanMs,
        Map<String, Double> metersMax,
        List<SeriesPoint> series,
        double foreignCpuOnAppCores) {

    static final String JVM_THREADS_LIVE = "jvm_threads_live_threads";
    static final String TOMCAT_BUSY = "tomcat_threads_busy_threads";
    static final String IN_PROGRESS = "lab_requests_in_progress";
    static final String SERVER_SUM = "http_server_requests_seconds_sum";
    static final String SERVER_COUNT = "http_server_requests_seconds_count";
    static final String CLIENT_SUM = "http_client_requests_seconds_sum";
    static final String CLIENT_COUNT = "http_client_requests_seconds_count";
    private static final double PROBE_PERCENTILE = 0.9;
    private static final double MS_PER_S = 1000.0;

    /**
     * @param fromMs start of the measured window (epoch ms); samples outside it are ignored unless
     *               fewer than two fall inside, in which case all are used
     */
    public static StepMetrics of(List<Sample> all, List<StubProbe> probes, long fromMs, long toMs, int delayMs) {
        List<Sample> window = all.stream()
                .filter(s -> s.epochMs() >= fromMs && s.epochMs() <= toMs)
                .toList();
        if (window.size() < 2) {
            window = all;
        }
        List<StubProbe> probeWindow = probes.stream()
                .filter(p -> p.epochMs() >= fromMs && p.epochMs() <= toMs)
                .toList();
        return new StepMetrics(
                cpuCores(window, Sample::app),
                window.stream()
                        .map(Sample::app)
                        .filter(p -> p != null)
                        .mapToDouble(ProcStats::rssMiB)
                        .max()
                        .orElse(0),
                window.stream()
                        .map(Sample::app)
                        .filter(p -> p != null)
                        .mapToInt(ProcStats::threads)
                        .max()
                        .orElse(0),
                (int) maxMeter(window, JVM_THREADS_LIVE),
                cpuCores(window, Sample::loadGen),
                cpuCores(window, Sample::stub),
                stubOverhead(probeWindow.isEmpty() ? probes : probeWindow, delayMs),
                meanMs(window, SERVER_SUM, SERVER_COUNT),
                meanMs(window, CLIENT_SUM, CLIENT_COUNT),
                metersMax(window),
                series(window),
                foreignCores(window));
    }

    /**
     * CPU that processes other than the app used on the app's CPUs (cores): busy time of those
     * CPUs minus the app's own. Zero when unknown. On a shared machine this is the noise.
     */
    static double foreignCores(List<Sample> samples) {
        List<Sample> known = samples.stream()
                .filter(s -> s.appCpusBusySeconds() >= 0 && s.app() != null)
                .toList();
        if (known.size() < 2) {
            return 0;
        }
        Sample first = known.getFirst();
        Sample last = known.getLast();
        double seconds = (last.epochMs() - first.epochMs()) / MS_PER_S;
        if (seconds <= 0) {
            return 0;
        }
        double busy = last.appCpusBusySeconds() - first.appCpusBusySeconds();
        double app = last.app().cpuSeconds() - first.app().cpuSeconds();
        return Math.max(0, (busy - app) / seconds);
    }

    /** CPU cores used between the first and last sample where the process was seen. */
    static double cpuCores(List<Sample> samples, Function<Sample, ProcStats> which) {
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

    static Double meanMs(List<Sample> samples, String sum, String count) {
        if (samples.size() < 2) {
            return null;
        }
        Map<String, Double> first = samples.getFirst().meters();
        Map<String, Double> last = samples.getLast().meters();
        if (!first.containsKey(count) || !last.containsKey(count)) {
            return null;
        }
        double n = last.get(count) - first.get(count);
        return n <= 0 ? null : (last.getOrDefault(sum, 0.0) - first.getOrDefault(sum, 0.0)) * MS_PER_S / n;
    }

    /** 90th percentile of the probe latencies minus the delay; a failed probe counts as infinitely slow. */
    static double stubOverhead(List<StubProbe> probes, int delayMs) {
        if (probes.isEmpty()) {
            return Double.NaN;
        }
        List<Double> latencies = new ArrayList<>(probes.stream()
                .map(p -> p.latencyMs() < 0 ? Double.POSITIVE_INFINITY : p.latencyMs())
                .sorted()
                .toList());
        int index = (int) Math.ceil(PROBE_PERCENTILE * latencies.size()) - 1;
        return latencies.get(Math.max(0, index)) - delayMs;
    }

    private static double maxMeter(List<Sample> samples, String name) {
        return samples.stream()
                .map(s -> s.meters().get(name))
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
    }

    static Map<String, Double> metersMax(List<Sample> samples) {
        Map<String, Double> max = new TreeMap<>();
        for (Sample s : samples) {
            s.meters().forEach((k, v) -> {
                // cumulative sums and counts only make sense as deltas (see serverMeanMs)
                if (!k.endsWith("_sum") && !k.endsWith("_count") && !k.endsWith("_total")) {
                    max.merge(k, v, Math::max);
                }
            });
        }
        return max;
    }

    static List<SeriesPoint> series(List<Sample> samples) {
        List<SeriesPoint> points = new ArrayList<>();
        Sample previous = null;
        long t0 = samples.isEmpty() ? 0 : samples.getFirst().epochMs();
        for (Sample s : samples) {
            Double appCpu = previous == null ? null : cpuCores(List.of(previous, s), Sample::app);
            Double lgCpu = previous == null ? null : cpuCores(List.of(previous, s), Sample::loadGen);
            Double stubCpu = previous == null ? null : cpuCores(List.of(previous, s), Sample::stub);
            points.add(new SeriesPoint(
                    (s.epochMs() - t0) / MS_PER_S,
                    appCpu,
                    s.app() == null ? null : s.app().rssMiB(),
                    s.app() == null ? null : s.app().threads(),
                    s.meters().get(JVM_THREADS_LIVE),
                    s.meters().get(TOMCAT_BUSY),
                    s.meters().get(IN_PROGRESS),
                    lgCpu,
                    stubCpu));
            previous = s;
        }
        return points;
    }
}
