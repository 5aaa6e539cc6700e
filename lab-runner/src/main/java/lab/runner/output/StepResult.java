package lab.runner.output;

import java.util.List;
import java.util.Map;

/**
 * One measured step (closed model: {@code users} set; open model: {@code rate} set). Latencies in
 * ms as Gatling saw them (client side, so they include any queueing before the app got the
 * request), CPU in cores (CPU seconds per second), memory in MiB.
 */
public record StepResult(
        String model,
        Integer users,
        Integer rate,
        int durationSeconds,
        double throughputRps,
        double meanMs,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        double maxMs,
        long ok,
        long ko,
        Map<String, Long> errors,
        double predictedRps,
        double littlesLawRps,
        Double threadCeilingRps,
        Double cpuCeilingRps,
        double appCpuCores,
        Double appCpuMsPerRequest,
        double appRssMiB,
        int appThreadsLive,
        int appOsThreads,
        double loadGenCpuCores,
        double stubCpuCores,
        Double stubOverheadMs,
        Double serverMeanMs,
        Double downstreamMeanMs,
        Double contextSwitchesPerRequest,
        double foreignCpuOnAppCores,
        Map<String, Double> metersMax,
        boolean valid,
        String invalidReason,
        String gatlingReport,
        String start,
        String end,
        List<SeriesPoint> series) {}
