package lab.runner.sampling;

/**
 * One reading of a process from {@code /proc}: live OS threads, resident memory, CPU time used so
 * far (user + system, in seconds) and the main thread's context switches.
 */
public record ProcStats(int threads, long rssKiB, double cpuSeconds, long voluntarySwitches, long involuntarySwitches) {

    public double rssMiB() {
        return rssKiB / 1024.0;
    }
}
