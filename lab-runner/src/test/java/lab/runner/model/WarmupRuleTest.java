package lab.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import lab.runrecord.ScenarioSpec;
import lab.runrecord.VariantRun.WarmupResult.Chunk;
import org.junit.jupiter.api.Test;

class WarmupRuleTest {

    /** The catalogue's rule: the last 3 chunks within ±10 % of their median, at most 120 s. */
    private static final WarmupRule RULE = WarmupRule.of(new ScenarioSpec.Warmup(800, 10, 3, 0.1, 120));

    /**
     * A recorded warm-up: WebFlux at 800 connections on one CPU climbed 507 -> 5,600 rps over about
     * 60 s while the JIT compiled, CPU-bound all along, so its CPU per request fell as 1 core / rps.
     */
    private static final double[][] WEBFLUX_CLIMB = {
        {507, 1.97}, {1066, 0.94}, {1427, 0.70}, {1992, 0.50}, {2633, 0.38}, {4200, 0.238}, {5600, 0.178}
    };

    /** What followed once the JIT was done: flat within a few per cent. */
    private static final double[][] WEBFLUX_WARM = {{6050, 0.165}, {6150, 0.163}, {6120, 0.163}};

    private static List<Chunk> chunks(double[]... rpsAndCpu) {
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < rpsAndCpu.length; i++) {
            chunks.add(new Chunk(10.0 * (i + 1), rpsAndCpu[i][0], rpsAndCpu[i][1], 250, null));
        }
        return chunks;
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] all = new double[a.length + b.length][];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The number of chunks after which the rule first holds, 0 when it never does. */
    private static int firstStable(WarmupRule rule, List<Chunk> chunks) {
        for (int n = 1; n <= chunks.size(); n++) {
            if (rule.stable(chunks.subList(0, n))) {
                return n;
            }
        }
        return 0;
    }

    @Test
    void theRecordedWebfluxClimbIsNeverStableAndTheCapMarksItCold() {
        List<Chunk> climb = chunks(WEBFLUX_CLIMB);

        assertThat(firstStable(RULE, climb)).isZero();
        // 7 chunks of 10 s are within the 120 s cap; a 60 s cap is used up and the variant is cold
        assertThat(RULE.exhausted(70)).isFalse();
        assertThat(new WarmupRule(3, 0.1, 60).exhausted(70)).isTrue();
        assertThat(RULE.exhausted(120)).isTrue();
    }

    @Test
    void theRecordedWebfluxWarmUpBecomesStableOnlyOnceTheClimbIsOver() {
        List<Chunk> all = chunks(concat(WEBFLUX_CLIMB, WEBFLUX_WARM));

        // after 9 chunks the last three are 5,600 / 6,050 / 6,150 rps (median 6,050: 5,600 is 7.4 % off)
        // and 0.178 / 0.165 / 0.163 ms (median 0.165: 0.178 is 7.9 % off): within 10 %
        assertThat(firstStable(RULE, all)).isEqualTo(9);
        // within 5 % the 5,600 rps chunk is still part of the climb: one chunk later
        assertThat(firstStable(new WarmupRule(3, 0.05, 120), all)).isEqualTo(10);
    }

    @Test
    void aFlatThroughputIsNotEnoughWhileTheCpuPerRequestStillFalls() {
        // MVC at its thread ceiling: throughput flat from the start, the JIT still cutting CPU per request
        List<Chunk> mvc = chunks(
                new double[] {1830, 0.40},
                new double[] {1835, 0.31},
                new double[] {1828, 0.24},
                new double[] {1832, 0.21},
                new double[] {1830, 0.20},
                new double[] {1829, 0.20});

        // after 5 chunks 0.24 ms is 14 % above the median 0.21; after 6 every value is within 5 %
        assertThat(firstStable(RULE, mvc)).isEqualTo(6);
    }

    @Test
    void aFlatCpuPerRequestIsNotEnoughWhileTheThroughputStillClimbs() {
        List<Chunk> rising = chunks(
                new double[] {3000, 0.2},
                new double[] {3600, 0.2},
                new double[] {4200, 0.2},
                new double[] {4300, 0.2},
                new double[] {4250, 0.2});

        // after 4 chunks 3,600 rps is 14 % below the median 4,200
        assertThat(firstStable(RULE, rising)).isEqualTo(5);
    }

    @Test
    void aSlowClimbUnderACpuQuotaIsNotStableWhileEachChunkIsNearTheMedian() {
        // recorded: WebFlux under a 500m quota, its JIT on the same half CPU: +8 % a chunk, every
        // chunk within ±10 % of the three's median, yet 17 % from first to last, and it went on
        List<Chunk> climb = chunks(new double[][] {{528, 0.952}, {570, 0.882}, {619, 0.808}});
        List<Chunk> flat = chunks(new double[][] {{855, 0.585}, {872, 0.573}, {866, 0.577}});

        assertThat(RULE.stable(climb)).isFalse();
        assertThat(RULE.stable(flat)).isTrue();
    }

    @Test
    void aColdLoadGeneratorKeepsTheRunColdButAWarmOnesNoiseDoesNot() {
        // recorded: Gatling's CPU per request over MVC's warm-up chunks at ~1,900 rps
        double[] cold = {0.318, 0.208, 0.084};
        double[] warm = {0.079, 0.111, 0.089}; // ±25 % around 0.089 ms, but within 0.05 ms of it

        assertThat(RULE.stable(withLoadGen(cold))).isFalse();
        assertThat(RULE.stable(withLoadGen(warm))).isTrue();
    }

    @Test
    void atAFewHundredRequestsASecondOnlyTheThroughputHasToBeSteady() {
        // recorded: WebFlux on /api/offloaded-io, 10 bounded-elastic threads, ~0.13 CPU: its CPU per
        // request moved 0.94 -> 1.11 -> 0.94 ms, Gatling's 0.38 -> 0.25 -> 0.27 ms
        List<Chunk> lowRate = List.of(
                new Chunk(60, 138, 0.936, 2135, 0.383),
                new Chunk(65, 138, 1.112, 2140, 0.250),
                new Chunk(70, 138, 0.944, 2118, 0.266));
        // the same figures at 2,000 requests/s would be 2 CPUs: there they must be steady
        List<Chunk> highRate = List.of(
                new Chunk(60, 2000, 0.936, 200, 0.383),
                new Chunk(65, 2000, 1.112, 200, 0.250),
                new Chunk(70, 2000, 0.944, 200, 0.266));

        assertThat(RULE.stable(lowRate)).isTrue();
        assertThat(RULE.stable(highRate)).isFalse();
    }

    /** Three chunks where the app is steady, with the load generator's CPU per request given. */
    private static List<Chunk> withLoadGen(double[] loadGenMs) {
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < loadGenMs.length; i++) {
            chunks.add(new Chunk(5.0 * (i + 1), 1850, 0.55, 500, loadGenMs[i]));
        }
        return chunks;
    }

    @Test
    void fewerChunksThanTheRuleAsksForAreNeverStable() {
        assertThat(RULE.stable(List.of())).isFalse();
        assertThat(RULE.stable(chunks(new double[] {1000, 0.2}, new double[] {1000, 0.2})))
                .isFalse();
        assertThat(RULE.stable(chunks(new double[] {1000, 0.2}, new double[] {1000, 0.2}, new double[] {1000, 0.2})))
                .isTrue();
    }

    @Test
    void aChunkWithoutCpuFiguresOrWithoutThroughputIsNotStable() {
        // at 2,000 rps and 0.2 ms the app spends 0.4 CPU: its CPU figure matters, and one is unknown
        List<Chunk> unknownCpu = new ArrayList<>(chunks(new double[] {2000, 0.2}, new double[] {2000, 0.2}));
        unknownCpu.add(new Chunk(30, 2000, null, 120, null));
        List<Chunk> noneKnown = List.of(
                new Chunk(10, 160, null, 30000, null),
                new Chunk(20, 160, null, 30000, null),
                new Chunk(30, 160, null, 30000, null));
        List<Chunk> failedChunk = chunks(new double[] {0, 0.2}, new double[] {0, 0.2}, new double[] {0, 0.2});

        assertThat(RULE.stable(unknownCpu)).isFalse();
        assertThat(RULE.stable(noneKnown)).isFalse();
        assertThat(RULE.stable(failedChunk)).isFalse();
    }

    @Test
    void anIdleAppWithSparseCpuFiguresIsStableByItsThroughput() {
        // recorded (c10k, MVC: 200 threads, 10 s delay, 800 users): 160 rps at ~0 CPU, and a chunk
        // without a CPU figure because the lab's scrapes queued behind 600 requests
        List<Chunk> idle = List.of(
                new Chunk(15, 160, 0.0, 30001, 0.0),
                new Chunk(20, 160, 0.187, 30002, 1.103),
                new Chunk(25, 160, null, 30001, null));

        assertThat(RULE.stable(idle)).isTrue();
    }

    @Test
    void onlyTheLastChunksCount() {
        // a cold start long ago does not keep a now-steady JVM from counting as warm
        List<Chunk> chunks = chunks(
                new double[] {100, 5.0}, new double[] {2000, 0.2}, new double[] {2010, 0.2}, new double[] {1990, 0.2});

        assertThat(RULE.stable(chunks)).isTrue();
    }

    @Test
    void theRuleIsStatedWithItsFigures() {
        assertThat(RULE.describe(5))
                .isEqualTo("warm when the last 3 chunks of 5 s each have the app's throughput and CPU per request"
                        + " within ±10 % of their median and first to last no more than 10 % of it apart, and the"
                        + " load generator's CPU per request within ±10 % or"
                        + " 0.05 ms of its median (a CPU per request counts where its process uses 0.25 CPU or"
                        + " more); at most 120 s");
    }

    @Test
    void aRuleThatCannotMeanStableIsRefused() {
        assertThatThrownBy(() -> new WarmupRule(1, 0.1, 60)).hasMessageContaining("stableChunks");
        assertThatThrownBy(() -> new WarmupRule(3, 0, 60)).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> new WarmupRule(3, 1, 60)).hasMessageContaining("tolerance");
    }
}
