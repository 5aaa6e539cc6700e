package lab.dashboard.load;

/**
 * What the load generator (this dashboard's JVM) costs, to show it is not the bottleneck.
 *
 * @param cpuCores CPU time per second of the whole dashboard JVM (load, scrapes, page): 1.0 = one
 *     CPU busy
 * @param cpuMsPerRequest that CPU time divided by the answers received in the interval (null
 *     without load)
 * @param rps answers per second over all targets
 * @param sendLagMs the most an arrival-rate request was sent after its intended time in the
 *     interval: near 0 unless the generator is short of CPU (the lag is in the latencies anyway)
 */
public record LoadGeneratorFigures(Double cpuCores, Double cpuMsPerRequest, double rps, double sendLagMs) {}
