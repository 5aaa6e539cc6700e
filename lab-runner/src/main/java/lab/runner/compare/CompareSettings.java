package lab.runner.compare;

import java.nio.file.Path;
import java.util.List;
import lab.runner.bench.Launch;

/**
 * One comparison run, fully decided (defaults and {@code --quick} applied).
 *
 * @param root          repository root (where the jars are)
 * @param openModelRate arrivals per second of the open-model step, 0 to skip it
 * @param appCpus       CPUs the app is pinned to (the emulated container limit)
 */
public record CompareSettings(
        Path root,
        Path out,
        String scenario,
        boolean quick,
        List<Launch> variants,
        List<Integer> users,
        int delayMs,
        int stepSeconds,
        int rampSeconds,
        int warmupSeconds,
        int warmupUsers,
        int openModelRate,
        int openModelSeconds,
        int heapMiB,
        String gc,
        int appCpus,
        int requestTimeoutMs,
        int gatlingHeapMiB,
        String limits) {

    public CompareSettings {
        variants = List.copyOf(variants);
        users = List.copyOf(users);
        require(!variants.isEmpty(), "at least one variant");
        require(!users.isEmpty() && users.stream().allMatch(u -> u > 0), "users must be positive");
        require(delayMs >= 1 && delayMs <= 10_000, "delay-ms must be within 1..10000 (the apps' bound)");
        require(stepSeconds >= 1, "step-seconds must be at least 1");
        require(rampSeconds >= 0 && warmupSeconds >= 0, "ramp and warm-up must not be negative");
        require(warmupUsers >= 1, "warm-up users must be at least 1");
        require(openModelRate >= 0 && openModelSeconds >= 1, "open-model rate must not be negative");
        require(heapMiB >= 64, "heap must be at least 64 MiB");
        require(appCpus >= 1, "app CPUs must be at least 1");
        require(requestTimeoutMs >= 100, "request timeout must be at least 100 ms");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public String target(int port) {
        return "http://127.0.0.1:" + port;
    }
}
