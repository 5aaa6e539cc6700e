package lab.runner.model;

import java.util.List;
import java.util.Locale;
import lab.runrecord.ScenarioSpec;
import lab.runrecord.VariantRun.WarmupResult.Chunk;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * When a JVM counts as warm: the last {@code stableChunks} warm-up chunks each have a throughput
 * and a CPU per request within {@code tolerance} of those chunks' median, the first and the last of
 * them no more than {@code tolerance} of it apart (a JIT that is still winning, slowly, climbs a few
 * per cent a chunk: each chunk near the median, yet the run still moving), and so does the load
 * generator's CPU per request (it warms up in the same chunks, and a cold one would make the load
 * side look saturated). JIT compilation shows as a falling CPU per request and (where the CPU is
 * the limit) a rising throughput; once they stop moving, the measured steps see the app as it runs
 * for hours. A warm-up that never gets there within {@code maxSeconds} leaves the variant marked cold.
 */
public record WarmupRule(int stableChunks, double tolerance, int maxSeconds) {

    /**
     * The load generator's CPU per request also counts as stable within this many ms of its median:
     * a cold Gatling spends 0.3–1 ms per request and a warm one 0.03–0.1, but a warm one's figure
     * for a 5 s chunk moves by a few hundredths of a ms with its own GC pauses, which is ±30 % at
     * 2,000 requests/s and would keep a warm app "cold" for the load generator's sake.
     */
    static final double LOAD_GEN_NOISE_MS = 0.05;

    /**
     * Below this many cores the JIT's progress cannot limit anything, and CPU per request at a few
     * hundred requests a second moves by tens of per cent from chunk to chunk (GC, the timer tick):
     * a CPU per request counts only where the process spends at least this much.
     */
    static final double CPU_MATTERS_CORES = 0.25;

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
        if (last.stream().anyMatch(c -> c.throughputRps() <= 0)) {
            return false;
        }
        // A dead app is the warm-up's to notice (it stops warming). A CPU figure counts where its
        // process spends enough to matter, and there an unknown one is not stable; with none known
        // nothing can be said, which is not stable either. (An overloaded server can leave a chunk
        // without one: the lab's scrapes wait in its queue.)
        boolean appCpuKnown = last.stream().allMatch(c -> c.cpuMsPerRequest() != null);
        boolean appCpuMatters = last.stream().noneMatch(c -> c.cpuMsPerRequest() != null)
                || last.stream()
                        .anyMatch(
                                c -> c.cpuMsPerRequest() != null && cores(c.cpuMsPerRequest(), c) >= CPU_MATTERS_CORES);
        boolean loadGenKnown = last.stream().allMatch(c -> c.loadGenCpuMsPerRequest() != null);
        boolean loadGenCpuMatters =
                loadGenKnown && last.stream().anyMatch(c -> cores(c.loadGenCpuMsPerRequest(), c) >= CPU_MATTERS_CORES);
        return settled(last.stream().mapToDouble(Chunk::throughputRps).toArray())
                && (!appCpuMatters
                        || (appCpuKnown
                                && settled(last.stream()
                                        .mapToDouble(Chunk::cpuMsPerRequest)
                                        .toArray())))
                && (!loadGenCpuMatters
                        || within(
                                last.stream()
                                        .mapToDouble(Chunk::loadGenCpuMsPerRequest)
                                        .toArray(),
                                LOAD_GEN_NOISE_MS));
    }

    private static double cores(double msPerRequest, Chunk c) {
        return msPerRequest * c.throughputRps() / 1000;
    }

    /** Whether the warm-up has used up its time. */
    public boolean exhausted(double loadSeconds) {
        return loadSeconds >= maxSeconds;
    }

    /** Within the tolerance of the median, and not still moving: first to last within it too. */
    private boolean settled(double[] values) {
        double median = new Median().evaluate(values);
        return within(values, 0) && Math.abs(values[values.length - 1] - values[0]) <= tolerance * Math.abs(median);
    }

    /** Every value within the tolerance of the values' median, or within {@code absolute} of it. */
    private boolean within(double[] values, double absolute) {
        double median = new Median().evaluate(values);
        for (double v : values) {
            if (Math.abs(v - median) > Math.max(tolerance * Math.abs(median), absolute)) {
                return false;
            }
        }
        return true;
    }

    /** The rule in words, as results.json and the report state it. */
    public String describe(int chunkSeconds) {
        return String.format(
                Locale.ROOT,
                "warm when the last %d chunks of %d s each have the app's throughput and CPU per request within"
                        + " ±%.0f %% of their median and first to last no more than %.0f %% of it apart, and the load"
                        + " generator's CPU per request within ±%.0f %% or"
                        + " %.2f ms of its median (a CPU per request counts where its process uses %.2f CPU or"
                        + " more); at most %d s",
                stableChunks,
                chunkSeconds,
                tolerance * 100,
                tolerance * 100,
                tolerance * 100,
                LOAD_GEN_NOISE_MS,
                CPU_MATTERS_CORES,
                maxSeconds);
    }
}
