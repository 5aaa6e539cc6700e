package lab.runner.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import lab.runner.model.WarmupRule;
import lab.runner.sampling.Sampler;
import lab.runner.sampling.WindowStats;
import lab.runrecord.ScenarioSpec;
import lab.runrecord.VariantRun;

/**
 * Warms a variant with chunks of closed-model load in the same load generator that will measure
 * it, until the {@link WarmupRule} holds or its time is up. Each chunk's CPU per request comes from
 * the app's CPU over the chunk's own steady window.
 */
final class WarmUp {

    private final LoadGenerator load;
    private final Sampler sampler;
    private final Consumer<String> say;
    private final BooleanSupplier appAlive;

    /** @param appAlive whether the app still runs: a dead one is not warmed any further */
    WarmUp(LoadGenerator load, Sampler sampler, Consumer<String> say, BooleanSupplier appAlive) {
        this.load = load;
        this.sampler = sampler;
        this.say = say;
        this.appAlive = appAlive;
    }

    /** @param plan a one-step plan at the warm-up's users and chunk length */
    VariantRun.WarmupResult run(ScenarioSpec.Warmup warmup, LoadPlan plan) throws IOException, InterruptedException {
        WarmupRule rule = WarmupRule.of(warmup);
        List<VariantRun.WarmupResult.Chunk> chunks = new ArrayList<>();
        double loadSeconds = 0;
        Double stableAt = null;
        while (stableAt == null && !rule.exhausted(loadSeconds) && appAlive.getAsBoolean()) {
            LoadRun run = load.run(plan);
            loadSeconds += plan.rampSeconds() + plan.stepSeconds();
            if (run.failure() != null || run.windows().isEmpty()) {
                say.accept("warm-up chunk failed: " + (run.failure() == null ? "no window" : run.failure()));
                continue;
            }
            LoadWindow w = run.windows().getFirst();
            WindowStats ws = WindowStats.of(
                    sampler.samples(),
                    List.of(),
                    List.of(),
                    w.start().toEpochMilli(),
                    w.end().toEpochMilli());
            double cpu = ws.appCpuCores();
            boolean measured = w.throughputRps() > 0 && ws.samples() >= 2;
            VariantRun.WarmupResult.Chunk chunk = new VariantRun.WarmupResult.Chunk(
                    loadSeconds,
                    w.throughputRps(),
                    measured ? cpu * 1000 / w.throughputRps() : null,
                    w.latency().p99Ms(),
                    measured ? ws.loadGenCpuCores() * 1000 / w.throughputRps() : null);
            chunks.add(chunk);
            say.accept(Analysis.fmt(
                    "warm-up %3.0f s: %,.0f rps, %s ms CPU/request (Gatling %s), p99 %,.0f ms",
                    loadSeconds,
                    chunk.throughputRps(),
                    chunk.cpuMsPerRequest() == null ? "?" : Analysis.fmt("%.3f", chunk.cpuMsPerRequest()),
                    chunk.loadGenCpuMsPerRequest() == null ? "?" : Analysis.fmt("%.3f", chunk.loadGenCpuMsPerRequest()),
                    chunk.p99Ms()));
            if (rule.stable(chunks)) {
                stableAt = loadSeconds;
            }
        }
        return new VariantRun.WarmupResult(
                warmup.users(), loadSeconds, stableAt != null, stableAt, rule.describe(warmup.chunkSeconds()), chunks);
    }
}
