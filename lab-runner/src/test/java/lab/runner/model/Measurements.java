package lab.runner.model;

import java.util.List;
import java.util.Map;
import lab.runrecord.Measurement;

/**
 * Compact {@link Measurement} fixtures for the runner's tests: a builder whose defaults are an
 * unremarkable step (1,000 rps on a 100 ms downstream, the app at 0.3 of one CPU, nothing
 * saturated, no errors), changed one figure at a time.
 */
public final class Measurements {

    private Measurements() {}

    public static Builder measurement() {
        return new Builder();
    }

    /** One second of a series with the client's throughput and p99 (everything else unknown). */
    public static Measurement.SecondPoint second(double t, Double throughputRps, Double p99Ms) {
        return new Measurement.SecondPoint(
                t, null, throughputRps, null, p99Ms, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** One second with the client's throughput, the app's CPU and its requests in flight. */
    public static Measurement.SecondPoint second(double t, Double throughputRps, Double appCpuCores, Double inFlight) {
        return new Measurement.SecondPoint(
                t,
                null,
                throughputRps,
                null,
                null,
                null,
                appCpuCores,
                null,
                null,
                null,
                inFlight,
                null,
                null,
                null,
                null,
                null);
    }

    public static final class Builder {

        private int repeat = 1;
        private double throughputRps = 1000;
        private Double offeredRps;
        private Map<String, Long> errors = Map.of();
        private double meanMs = 105;
        private double p50Ms = 104;
        private double p99Ms = 120;
        private double cpuCores = 0.3;
        private Double cpuMsPerRequest;
        private boolean cpuMsPerRequestSet;
        private Double threadsBusyMax;
        private Double eventLoopPendingMax;
        private Double inFlightMax;
        private Measurement.Gc gc = new Measurement.Gc(0.005, 0.02, 10L, 5.0);
        private Measurement.Heap heap = new Measurement.Heap(400.0, 120.0, 1024.0);
        private Measurement.ClientPool clientPool = new Measurement.ClientPool(100.0, 0.0, 500.0);
        private Measurement.Executor executor;
        private Measurement.Cgroup cgroup;
        private double gatlingCpuCores = 0.3;
        private double stubCpuCores = 0.1;
        private double loadCpuBudget = 1;
        private Double stubOverheadMs = 2.0;
        private double foreignCpuOnAppCores;
        private List<Measurement.SecondPoint> series = List.of();

        private Builder() {}

        public Builder repeat(int repeat) {
            this.repeat = repeat;
            return this;
        }

        public Builder throughput(double rps) {
            this.throughputRps = rps;
            return this;
        }

        public Builder offered(Double rps) {
            this.offeredRps = rps;
            return this;
        }

        public Builder errors(Map<String, Long> errors) {
            this.errors = errors;
            return this;
        }

        /** Client latency: mean, p50 and p99. */
        public Builder latency(double meanMs, double p50Ms, double p99Ms) {
            this.meanMs = meanMs;
            this.p50Ms = p50Ms;
            this.p99Ms = p99Ms;
            return this;
        }

        public Builder meanMs(double meanMs) {
            this.meanMs = meanMs;
            return this;
        }

        /** The app's CPU; its CPU per request follows from the throughput unless set. */
        public Builder cpu(double cores) {
            this.cpuCores = cores;
            return this;
        }

        public Builder cpuMsPerRequest(Double ms) {
            this.cpuMsPerRequest = ms;
            this.cpuMsPerRequestSet = true;
            return this;
        }

        public Builder threadsBusy(Double max) {
            this.threadsBusyMax = max;
            return this;
        }

        public Builder eventLoopPending(Double max) {
            this.eventLoopPendingMax = max;
            return this;
        }

        public Builder inFlight(Double max) {
            this.inFlightMax = max;
            return this;
        }

        public Builder gc(double pauseShare, Double cpuShare) {
            this.gc = new Measurement.Gc(pauseShare, cpuShare, 10L, 5.0);
            return this;
        }

        public Builder heap(Double liveAfterGcMiB, Double maxMiB) {
            this.heap = new Measurement.Heap(liveAfterGcMiB, liveAfterGcMiB, maxMiB);
            return this;
        }

        public Builder clientPool(Double activeMax, Double pendingMax, Double maxConnections) {
            this.clientPool = new Measurement.ClientPool(activeMax, pendingMax, maxConnections);
            return this;
        }

        /** The fan-out executor: its busiest threads and queue, and its maximum. */
        public Builder executor(Double activeMax, Double queuedMax, Double maxThreads) {
            this.executor = new Measurement.Executor(activeMax, queuedMax, maxThreads);
            return this;
        }

        public Builder cgroup(double throttledShare, double memoryPeakMiB, double memoryLimitMiB, long oomKills) {
            this.cgroup = new Measurement.Cgroup(throttledShare, 0, memoryPeakMiB, memoryLimitMiB, oomKills);
            return this;
        }

        /** The load side: Gatling's and the stub's CPU, and the cores they had. */
        public Builder loadSide(double gatlingCores, double stubCores, double budget) {
            this.gatlingCpuCores = gatlingCores;
            this.stubCpuCores = stubCores;
            this.loadCpuBudget = budget;
            return this;
        }

        public Builder stubOverheadMs(Double ms) {
            this.stubOverheadMs = ms;
            return this;
        }

        public Builder foreignCpu(double cores) {
            this.foreignCpuOnAppCores = cores;
            return this;
        }

        public Builder series(List<Measurement.SecondPoint> series) {
            this.series = series;
            return this;
        }

        public Measurement build() {
            Double perRequest =
                    cpuMsPerRequestSet ? cpuMsPerRequest : throughputRps > 0 ? cpuCores * 1000 / throughputRps : null;
            long ok = Math.round(throughputRps * 10);
            long ko = errors.values().stream().mapToLong(Long::longValue).sum();
            return new Measurement(
                    repeat,
                    new Measurement.Window("2026-01-01T00:00:00Z", "2026-01-01T00:00:10Z", 10),
                    new Measurement.Client(
                            throughputRps,
                            offeredRps,
                            ok,
                            ko,
                            errors,
                            new Measurement.Latency(meanMs, p50Ms, (p50Ms + p99Ms) / 2, p99Ms, p99Ms * 2)),
                    new Measurement.Server(meanMs, p99Ms, 100.0, 3.0),
                    new Measurement.App(
                            cpuCores,
                            perRequest,
                            900,
                            40,
                            30,
                            threadsBusyMax,
                            eventLoopPendingMax,
                            inFlightMax,
                            gc,
                            heap,
                            clientPool,
                            executor,
                            null,
                            0,
                            null),
                    cgroup,
                    new Measurement.LoadSide(
                            gatlingCpuCores,
                            throughputRps > 0 ? gatlingCpuCores * 1000 / throughputRps : null,
                            stubCpuCores,
                            throughputRps > 0 ? stubCpuCores * 1000 / throughputRps : null,
                            loadCpuBudget,
                            stubOverheadMs,
                            foreignCpuOnAppCores),
                    "gatling/x",
                    series);
        }
    }
}
