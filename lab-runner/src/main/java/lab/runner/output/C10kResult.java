package lab.runner.output;

import java.util.List;
import java.util.Map;

/**
 * The c10k scenario: {@code inFlight} requests held open for {@code delayMs} each against every
 * variant, next to the seed's estimate (10,000 threads x 1 MiB of stack = about 10 GB).
 */
public record C10kResult(
        int inFlight,
        String inFlightReason,
        long nofileLimit,
        int delayMs,
        int seconds,
        SeedEstimate seedEstimate,
        List<C10kVariant> variants) {

    public record SeedEstimate(int threads, int stackKiB, double totalMiB) {}

    public record C10kVariant(
            String name,
            int inFlight,
            long ok,
            long ko,
            Map<String, Long> errors,
            double throughputRps,
            double p50Ms,
            double p99Ms,
            double maxMs,
            int threadsLive,
            int osThreads,
            double rssMiB,
            Integer nmtThreads,
            Double threadStackReservedMiB,
            Double threadStackCommittedMiB,
            Double contextSwitchesPerRequest,
            double appCpuCores,
            double loadGenCpuCores,
            boolean valid,
            String invalidReason,
            String gatlingReport,
            String error) {}
}
