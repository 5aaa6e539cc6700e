package lab.report;

import lab.runrecord.Measurement;

/**
 * The figures of one measurement the report draws and compares, null-safe: a section the runner
 * left out (no cgroup, no server timer, no load-side figures) reads as unknown, never as zero.
 */
final class Figures {

    private Figures() {}

    static Double throughput(Measurement m) {
        return m.client() == null ? null : m.client().throughputRps();
    }

    static Double offered(Measurement m) {
        return m.client() == null ? null : m.client().offeredRps();
    }

    static Double p50(Measurement m) {
        return latency(m) == null ? null : latency(m).p50Ms();
    }

    static Double p99(Measurement m) {
        return latency(m) == null ? null : latency(m).p99Ms();
    }

    static Double meanMs(Measurement m) {
        return latency(m) == null ? null : latency(m).meanMs();
    }

    static Double serverP99(Measurement m) {
        return m.server() == null ? null : m.server().p99Ms();
    }

    static Double serverMean(Measurement m) {
        return m.server() == null ? null : m.server().meanMs();
    }

    static Double appCpuCores(Measurement m) {
        return m.app() == null ? null : m.app().cpuCores();
    }

    static Double appCpuMsPerRequest(Measurement m) {
        return m.app() == null ? null : m.app().cpuMsPerRequest();
    }

    static Double rssMiB(Measurement m) {
        return m.app() == null ? null : m.app().rssMiB();
    }

    /** Live JVM threads, else the process's OS threads. */
    static Double threads(Measurement m) {
        if (m.app() == null) {
            return null;
        }
        return m.app().jvmThreadsLive() != null
                ? m.app().jvmThreadsLive().doubleValue()
                : (double) m.app().osThreads();
    }

    static Double osThreads(Measurement m) {
        return m.app() == null ? null : (double) m.app().osThreads();
    }

    static Double contextSwitchesPerRequest(Measurement m) {
        return m.app() == null ? null : m.app().contextSwitchesPerRequest();
    }

    static Double gatlingCpuMsPerRequest(Measurement m) {
        return m.loadSide() == null ? null : m.loadSide().gatlingCpuMsPerRequest();
    }

    static Double stubCpuMsPerRequest(Measurement m) {
        return m.loadSide() == null ? null : m.loadSide().stubCpuMsPerRequest();
    }

    static Double gatlingCpuCores(Measurement m) {
        return m.loadSide() == null ? null : m.loadSide().gatlingCpuCores();
    }

    static Double throttledShare(Measurement m) {
        return m.cgroup() == null ? null : m.cgroup().throttledShare();
    }

    static Double memoryPeakMiB(Measurement m) {
        return m.cgroup() == null ? null : m.cgroup().memoryPeakMiB();
    }

    static Double memoryLimitMiB(Measurement m) {
        return m.cgroup() == null || m.cgroup().memoryLimitMiB() <= 0
                ? null
                : m.cgroup().memoryLimitMiB();
    }

    static Double ko(Measurement m) {
        return m.client() == null ? null : (double) m.client().ko();
    }

    static Double ok(Measurement m) {
        return m.client() == null ? null : (double) m.client().ok();
    }

    static Double stackThreads(Measurement m) {
        return stacks(m) == null ? null : (double) stacks(m).threads();
    }

    static Double stacksReservedMiB(Measurement m) {
        return stacks(m) == null ? null : stacks(m).reservedMiB();
    }

    static Double stacksCommittedMiB(Measurement m) {
        return stacks(m) == null ? null : stacks(m).committedMiB();
    }

    private static Measurement.ThreadStacks stacks(Measurement m) {
        return m.app() == null ? null : m.app().threadStacks();
    }

    private static Measurement.Latency latency(Measurement m) {
        return m.client() == null ? null : m.client().latency();
    }
}
