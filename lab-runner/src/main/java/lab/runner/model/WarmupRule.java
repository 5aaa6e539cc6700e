package lab.runner.model;

import java.util.List;
import java.util.Locale;
import lab.results.ScenarioSpec;
import lab.results.VariantRun.WarmupResult.Chunk;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * When a JVM counts as warm: the last {@code stableChunks} warm-up chunks each have a throughput
 * and a CPU per request within {@code tolerance} of those chunks' median, and so does the load
 * generator's CPU per request (it warms up in the same chunks, and a cold one would make the load
 * side look saturated). JIT compilation shows as a falling CPU per request and (where the CPU is
 * the limit) a rising throughput; once they stop moving, the measured steps see the app as it runs
 * for hours. A warm-up that never gets there within {@code maxSeconds} leaves the variant marked cold.
 */
public record WarmupRule(int stableChunks, double tolerance, int maxSeconds) {

    public WarmupRule {
        if (stableChunks < 2) {
            throw new IllegalArgumentException("stableChunks must be at least 2, got " + stableChunks);
        }
        if (tolerance <= 0 || tolerance >= 1) {
            throw new IllegalArgumentException("tolerance must be within (0, 1), got " + tolerance);
        }
    }

    public static WarmupRule of(ScenarioSpec.Warmup warmup) {
        return new WarmupRule(warmup.stableChunks(), warmup.tolerance(), warmup.maxSeconds());
    }

    /** Whether the chunks so far meet the rule. */
    public boolean stable(List<Chunk> chunks) {
        if (chunks.size() < stableChunks) {
            return false;
        }
        List<Chunk> last = chunks.subList(chunks.size() - stableChunks, chunks.size());
        if (last.stream().anyMatch(c -> c.cpuMsPerRequest() == null || c.throughputRps() <= 0)) {
            return false;
        }
        boolean loadGenKnown = last.stream().allMatch(c -> c.loadGenCpuMsPerRequest() != null);
        return within(last.stream().mapToDouble(Chunk::throughputRps).toArray())
                && within(last.stream().mapToDouble(Chunk::cpuMsPerRequest).toArray())
                && (!loadGenKnown
                        || within(last.stream()
                                .mapToDouble(Chunk::loadGenCpuMsPerRequest)
                                .toArray()));
    }

    /** Whether the warm-up has used up its time. */
    public boolean exhausted(double loadSeconds) {
        return loadSeconds >= maxSeconds;
    }

    private boolean within(double[] values) {
        double median = new Median().evaluate(values);
        for (double v : values) {
            if (Math.abs(v - median) > tolerance * Math.abs(median)) {
                return false;
            }
        }
        return true;
    }

    /** The rule in words, as results.json and the report state it. */
    public String describe(int chunkSeconds) {
        return String.format(
                Locale.ROOT,
                "warm when the last %d chunks of %d s each have the app's throughput and CPU per request, and the"
                        + " load generator's CPU per request, within ±%.0f %% of their median; at most %d s",
                stableChunks,
                chunkSeconds,
                tolerance * 100,
                maxSeconds);
    }
}
