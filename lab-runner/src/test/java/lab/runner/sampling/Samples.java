package lab.runner.sampling;

import java.util.ArrayList;
import java.util.List;

/**
 * Compact {@link Sample} fixtures: one reading at an instant, with the app's Prometheus text and
 * the {@code /proc} and cgroup figures set one by one (everything else unknown).
 */
public final class Samples {

    private Samples() {}

    public static Builder at(long epochMs) {
        return new Builder(epochMs);
    }

    public static final class Builder {

        private final long epochMs;
        private final List<String> lines = new ArrayList<>();
        private boolean scrapeFailed;
        private Long scrapedAtMs;
        private ProcStats app;
        private ProcStats stub;
        private ProcStats loadGen;
        private double appCpusBusySeconds = -1;
        private Double gcCpuSeconds;
        private CgroupReading cgroup;

        private Builder(long epochMs) {
            this.epochMs = epochMs;
        }

        /** Prometheus sample lines ({@code name{labels} value}). */
        public Builder metrics(String... lines) {
            this.lines.addAll(List.of(lines));
            return this;
        }

        public Builder scrapeFailed() {
            this.scrapeFailed = true;
            return this;
        }

        /** The scrape was taken earlier than the counters were read (default: at the same instant). */
        public Builder scrapedAt(long epochMs) {
            this.scrapedAtMs = epochMs;
            return this;
        }

        /** The app's process: CPU seconds so far, resident MiB and OS threads. */
        public Builder app(double cpuSeconds, double rssMiB, int threads) {
            this.app = new ProcStats(threads, Math.round(rssMiB * 1024), cpuSeconds, 0, 0);
            return this;
        }

        public Builder stub(double cpuSeconds) {
            this.stub = new ProcStats(20, 100_000, cpuSeconds, 0, 0);
            return this;
        }

        public Builder loadGen(double cpuSeconds) {
            this.loadGen = new ProcStats(40, 300_000, cpuSeconds, 0, 0);
            return this;
        }

        /** How long the app's CPUs were busy so far, whoever ran on them. */
        public Builder appCpusBusy(double seconds) {
            this.appCpusBusySeconds = seconds;
            return this;
        }

        public Builder gcCpu(double seconds) {
            this.gcCpuSeconds = seconds;
            return this;
        }

        public Builder cgroup(long periods, long throttledPeriods, double memoryMiB, double limitMiB, long oomKills) {
            this.cgroup = new CgroupReading(
                    periods, throttledPeriods, throttledPeriods * 0.01, memoryMiB, limitMiB, oomKills);
            return this;
        }

        public Sample build() {
            Scrape scrape = scrapeFailed ? Scrape.EMPTY : Scrape.parse(String.join("\n", lines));
            return new Sample(
                    epochMs,
                    scrape,
                    scrapeFailed,
                    scrapedAtMs != null ? scrapedAtMs : scrapeFailed ? -1 : epochMs,
                    app,
                    stub,
                    loadGen,
                    appCpusBusySeconds,
                    gcCpuSeconds,
                    cgroup);
        }
    }
}
