package lab.runner.model;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What throughput a step should reach, from first principles. Little's law says a closed-model
 * client with {@code users} each waiting {@code delay} per request cannot exceed
 * {@code users / delay}; a thread-per-request server cannot exceed {@code maxThreads / delay}; and
 * nobody exceeds the CPU: {@code cpus / cpuSecondsPerRequest}, measured at the most loaded step.
 */
public final class Model {

    private static final double MS_PER_S = 1000.0;

    private Model() {}

    public static double littlesLawRps(int users, int delayMs) {
        return users * MS_PER_S / delayMs;
    }

    public static double threadCeilingRps(int maxThreads, int delayMs) {
        return maxThreads * MS_PER_S / delayMs;
    }

    /** {@code min(users/delay, maxThreads/delay when threads bound it, cpu ceiling when known)}. */
    public static double predictedRps(int users, int delayMs, OptionalInt maxThreads, OptionalDouble cpuCeilingRps) {
        double predicted = littlesLawRps(users, delayMs);
        if (maxThreads.isPresent()) {
            predicted = Math.min(predicted, threadCeilingRps(maxThreads.getAsInt(), delayMs));
        }
        if (cpuCeilingRps.isPresent()) {
            predicted = Math.min(predicted, cpuCeilingRps.getAsDouble());
        }
        return predicted;
    }

    /** A step's measured CPU use and throughput. */
    public record CpuPoint(double appCpuCores, double throughputRps) {}

    /**
     * CPU seconds per request at the step with the highest throughput (the one closest to saturation,
     * where fixed costs such as GC, JIT and timers weigh least per request). Not the step that used
     * the most CPU: right after the warm-up, C2 compiling in the background once made a 455 rps step
     * look like 1.7 ms of CPU per request and predicted a 580 rps ceiling. Empty without usable data.
     */
    public static OptionalDouble cpuSecondsPerRequest(List<CpuPoint> points) {
        return points.stream()
                .filter(p -> p.throughputRps() > 0 && p.appCpuCores() > 0)
                .max(Comparator.comparingDouble(CpuPoint::throughputRps))
                .map(p -> OptionalDouble.of(p.appCpuCores() / p.throughputRps()))
                .orElse(OptionalDouble.empty());
    }

    /** {@code cpus / cpuSecondsPerRequest}: the rate at which the app's CPUs would be fully busy. */
    public static OptionalDouble cpuCeilingRps(List<CpuPoint> points, int appCpus) {
        OptionalDouble perRequest = cpuSecondsPerRequest(points);
        return perRequest.isPresent() ? OptionalDouble.of(appCpus / perRequest.getAsDouble()) : OptionalDouble.empty();
    }
}
