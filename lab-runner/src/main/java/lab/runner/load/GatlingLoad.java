package lab.runner.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.gatling.RunAnswer;
import lab.gatling.simulations.LoadPlan.Model;
import lab.gatling.stats.WindowStats;
import lab.runner.bench.Bench;
import lab.runner.bench.CpuSplit;
import lab.runner.engine.LoadGenerator;
import lab.runner.engine.LoadPlan;
import lab.runner.engine.LoadRun;
import lab.runner.engine.LoadWindow;
import lab.runner.engine.ScenarioRun;
import lab.runrecord.Measurement;

/**
 * The lab's load generator: one warm Gatling worker JVM per variant ({@link GatlingWorker}) on
 * the load CPUs, running each plan as one simulation of the endpoint's own and reading its steady
 * windows from Gatling's records.
 */
public final class GatlingLoad implements LoadGenerator {

    /** The lab's simulation per endpoint: every knob a system property, as standalone. */
    static final Map<String, String> SIMULATIONS = Map.of(
            "/api/io", "ConcurrencyLadderSimulation",
            "/api/cpu", "CpuBoundSimulation",
            "/api/fanout", "FanoutSimulation",
            "/api/blocking-io", "BlockingIoSimulation",
            "/api/offloaded-io", "OffloadedIoSimulation");
    /** An open-model run on its own (no ladder before it): arrivals at a fixed rate. */
    static final String OPEN_SIMULATION = LoadRequest.OPEN;

    static final int HEAP_MIB = 512;
    /** c10k keeps ~10,000 users and their connections. */
    static final int C10K_HEAP_MIB = 1024;

    private final GatlingWorker worker;

    private GatlingLoad(GatlingWorker worker) {
        this.worker = worker;
    }

    /** The factory the engine starts one worker per variant with. */
    public static ScenarioRun.LoadGenerators factory(boolean c10k) {
        return new ScenarioRun.LoadGenerators() {
            @Override
            public LoadGenerator start(Bench bench, String label) throws IOException, InterruptedException {
                return new GatlingLoad(GatlingWorker.start(
                        bench.java(),
                        bench.group(),
                        "gatling-" + label,
                        bench.split().layout().loadCpuList(),
                        jvmFlags(bench.split()),
                        bench.outDir()));
            }

            @Override
            public List<String> jvmFlags(CpuSplit split) {
                return GatlingWorker.jvmFlags(
                        c10k ? C10K_HEAP_MIB : HEAP_MIB, split.layout().loadCpuCount());
            }
        };
    }

    @Override
    public long pid() {
        return worker.pid();
    }

    @Override
    public List<String> jvmFlags() {
        return worker.jvmFlags();
    }

    @Override
    public LoadRun run(LoadPlan plan) throws IOException {
        RunAnswer answer = plan.users().isEmpty() ? worker.run(open(plan)) : worker.run(ladder(plan));
        List<LoadWindow> windows = new ArrayList<>();
        for (WindowStats w : answer.windows()) {
            windows.add(window(w));
        }
        long requests = answer.stats() == null
                ? 0
                : answer.stats().ok() + answer.stats().ko();
        return new LoadRun(answer.failure(), answer.runDir(), windows, requests);
    }

    static LadderRequest ladder(LoadPlan plan) {
        String simulation = SIMULATIONS.get(plan.endpoint());
        if (simulation == null) {
            throw new IllegalArgumentException("no simulation for " + plan.endpoint());
        }
        return new LadderRequest(
                plan.label(),
                simulation,
                plan.target(),
                plan.users(),
                plan.query().getOrDefault("delayMs", 0),
                plan.rampSeconds(),
                plan.stepSeconds(),
                plan.settleSeconds(),
                plan.openRate(),
                plan.openRate() > 0 ? plan.openSeconds() : 0,
                plan.requestTimeoutMs(),
                plan.htmlReport(),
                endpointProperties(plan));
    }

    /** An open-model run on its own: its ramp, then its steady seconds, settle left out. */
    static LoadRequest open(LoadPlan plan) {
        if (!"/api/io".equals(plan.endpoint())) {
            throw new IllegalArgumentException("an open-model run alone is only simulated on /api/io");
        }
        LoadRequest request = new LoadRequest(
                plan.label(),
                OPEN_SIMULATION,
                plan.target(),
                0,
                plan.openRate(),
                plan.query().getOrDefault("delayMs", 0),
                plan.openSeconds(),
                plan.rampSeconds(),
                plan.requestTimeoutMs(),
                Math.max(plan.openRate(), 1),
                plan.htmlReport());
        return request;
    }

    /** The endpoint's own parameters besides the delay ({@code bytes}, {@code calls}, {@code rounds}). */
    static Map<String, String> endpointProperties(LoadPlan plan) {
        Map<String, String> p = new LinkedHashMap<>();
        plan.query().forEach((k, v) -> {
            if (!"delayMs".equals(k)) {
                p.put(k, Integer.toString(v));
            }
        });
        return p;
    }

    /**
     * Gatling's window in the engine's terms. In the open model the throughput is what the app
     * delivered (OK answers received per second), next to the arrivals offered; in the closed
     * model, requests sent per second (equal to completions at a steady level).
     */
    static LoadWindow window(WindowStats w) {
        boolean open = w.step().model() == Model.OPEN;
        WindowStats.Latency l = w.latency();
        List<LoadWindow.ClientSecond> seconds = w.perSecond().stream()
                .map(s -> new LoadWindow.ClientSecond(
                        s.t(),
                        open ? (double) s.arrivals() : null,
                        open ? s.okReceived() : s.sent(),
                        s.sent() == 0 ? null : (double) s.p50Ms(),
                        s.sent() == 0 ? null : (double) s.p99Ms(),
                        s.ko()))
                .toList();
        return new LoadWindow(
                open,
                open ? null : w.step().users(),
                open ? w.step().rate() : null,
                w.step().rampSeconds(),
                (int) Math.round(w.duration().toMillis() / 1000.0),
                w.start(),
                w.end(),
                w.complete(),
                w.ok(),
                w.ko(),
                open ? w.achievedRps() : w.throughputRps(),
                open ? w.offeredRps() : null,
                new Measurement.Latency(l.meanMs(), l.p50Ms(), l.p95Ms(), l.p99Ms(), l.maxMs()),
                w.errors(),
                seconds);
    }

    @Override
    public void close() {
        worker.close();
    }
}
