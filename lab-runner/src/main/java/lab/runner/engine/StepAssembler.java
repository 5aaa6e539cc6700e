package lab.runner.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.runner.sampling.Probe;
import lab.runner.sampling.Sample;
import lab.runner.sampling.WindowStats;
import lab.runrecord.Measurement;

/**
 * Turns one steady window into a {@link Measurement}: the load generator's figures for the window,
 * and the samples of the app, its cgroup and the load side taken inside the same window.
 */
final class StepAssembler {

    private StepAssembler() {}

    /** What the runner knows about the window beyond the samples. */
    record Context(
            int repeat,
            double loadCpuBudget,
            int delayMs,
            String gatlingReport,
            Measurement.ThreadStacks threadStacks,
            Double contextSwitchesPerRequest) {}

    static Measurement assemble(
            LoadWindow w, List<Sample> samples, List<Probe> stubProbes, List<Probe> healthProbes, Context c) {
        WindowStats ws = WindowStats.of(
                samples,
                stubProbes,
                healthProbes,
                w.start().toEpochMilli(),
                w.end().toEpochMilli());
        Measurement.App app = ws.app(w.throughputRps(), c.contextSwitchesPerRequest());
        if (c.threadStacks() != null) {
            app = withStacks(app, c.threadStacks());
        }
        return new Measurement(
                c.repeat(),
                new Measurement.Window(
                        w.start().toString(),
                        w.end().toString(),
                        (w.end().toEpochMilli() - w.start().toEpochMilli()) / 1000.0),
                new Measurement.Client(w.throughputRps(), w.offeredRps(), w.ok(), w.ko(), w.errors(), w.latency()),
                ws.server(),
                app,
                ws.cgroup(),
                ws.loadSide(w.throughputRps(), c.loadCpuBudget(), c.delayMs()),
                c.gatlingReport(),
                merge(ws.series(), w.perSecond()));
    }

    private static Measurement.App withStacks(Measurement.App a, Measurement.ThreadStacks stacks) {
        return new Measurement.App(
                a.cpuCores(),
                a.cpuMsPerRequest(),
                a.rssMiB(),
                a.osThreads(),
                a.jvmThreadsLive(),
                a.threadsBusyMax(),
                a.eventLoopPendingMax(),
                a.inFlightMax(),
                a.gc(),
                a.heap(),
                a.clientPool(),
                a.executor(),
                a.contextSwitchesPerRequest(),
                a.failedScrapes(),
                stacks);
    }

    /**
     * The sampler's seconds and the client's seconds, matched by the whole second since the
     * window's start; a second only one side has is kept with the other side's figures empty.
     */
    static List<Measurement.SecondPoint> merge(
            List<Measurement.SecondPoint> server, List<LoadWindow.ClientSecond> client) {
        Map<Long, LoadWindow.ClientSecond> bySecond = new HashMap<>();
        for (LoadWindow.ClientSecond c : client) {
            bySecond.put(Math.round(Math.floor(c.t())), c);
        }
        List<Measurement.SecondPoint> merged = new ArrayList<>();
        java.util.Set<Long> used = new java.util.HashSet<>();
        for (Measurement.SecondPoint s : server) {
            long second = Math.round(Math.floor(s.t()));
            LoadWindow.ClientSecond c = bySecond.get(second);
            if (c != null) {
                used.add(second);
            }
            merged.add(new Measurement.SecondPoint(
                    s.t(),
                    c == null ? null : c.offeredRps(),
                    c == null ? null : c.throughputRps(),
                    c == null ? null : c.p50Ms(),
                    c == null ? null : c.p99Ms(),
                    c == null ? null : c.ko(),
                    s.appCpuCores(),
                    s.rssMiB(),
                    s.threadsLive(),
                    s.threadsBusy(),
                    s.inFlight(),
                    s.eventLoopPending(),
                    s.throttledShare(),
                    s.gatlingCpuCores(),
                    s.stubCpuCores(),
                    s.healthProbeMs()));
        }
        for (LoadWindow.ClientSecond c : client) {
            long second = Math.round(Math.floor(c.t()));
            if (!used.contains(second)) {
                merged.add(new Measurement.SecondPoint(
                        c.t(),
                        c.offeredRps(),
                        c.throughputRps(),
                        c.p50Ms(),
                        c.p99Ms(),
                        c.ko(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
            }
        }
        merged.sort(java.util.Comparator.comparingDouble(Measurement.SecondPoint::t));
        return merged;
    }
}
