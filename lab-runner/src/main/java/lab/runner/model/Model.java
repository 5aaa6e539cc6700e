package lab.runner.model;

/**
 * What throughput a step should reach, from first principles. Little's law says a closed-model
 * client with {@code users} each waiting {@code latency} per request cannot exceed
 * {@code users / latency}; a server whose requests each hold one of {@code threads} (or one of the
 * client pool's connections) for {@code latency} cannot exceed {@code threads / latency}; and nobody
 * exceeds the CPU: {@code budget / CPU per request}. {@code latency} is the downstream delay plus
 * the per-request overhead measured at the lowest step, where nothing queues.
 */
public final class Model {

    private static final double MS_PER_S = 1000.0;

    private Model() {}

    /** {@code concurrency / latency}: users of a closed model, threads or connections of a pool. */
    public static double littlesLawRps(int concurrency, double latencyMs) {
        return concurrency * MS_PER_S / latencyMs;
    }

    /** {@code budget / CPU per request}: the rate at which the app's CPU budget is fully used. */
    public static double cpuCeilingRps(double cpuBudgetCores, double cpuMsPerRequest) {
        return cpuBudgetCores * MS_PER_S / cpuMsPerRequest;
    }

    /**
     * The per-request overhead: what a request took at the lowest step beyond the downstream delay
     * (never negative). This is the closed model's identity at work: there, throughput = users /
     * mean latency, so the mean latency is what each user's cycle costs.
     */
    public static double overheadMs(double lowStepMeanLatencyMs, int delayMs) {
        return Math.max(0, lowStepMeanLatencyMs - delayMs);
    }

    /**
     * A slowdown's queue: requests arriving at {@code rateRps} while a thread pool of
     * {@code threads} serves each in {@code latencyMs} pile up at {@code rate - threads/latency}
     * per second.
     */
    public static double backlogGrowthRps(double rateRps, int threads, double latencyMs) {
        return Math.max(0, rateRps - littlesLawRps(threads, latencyMs));
    }
}
