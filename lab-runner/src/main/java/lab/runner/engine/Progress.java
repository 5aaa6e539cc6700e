package lab.runner.engine;

import java.io.PrintStream;
import java.util.Locale;
import lab.runrecord.Measurement;
import lab.runrecord.ScenarioSpec;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;

/** Progress lines as the run goes: which variant, the warm-up, each repeat and window, each step's verdict. */
final class Progress {

    private final PrintStream out;
    private final ScenarioSpec spec;
    private final int variants;
    private final long started = System.nanoTime();
    private int variant;

    Progress(PrintStream out, ScenarioSpec spec, int variants) {
        this.out = out;
        this.spec = spec;
        this.variants = variants;
    }

    void say(String format, Object... args) {
        out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
        out.flush();
    }

    void variant(String name) {
        variant++;
        say("== %s (variant %d of %d), elapsed %s", name, variant, variants, elapsed());
    }

    void warmedUp(String name, VariantRun.WarmupResult w) {
        say(
                w.stable()
                        ? "[%s] warm after %.0f s of load (%s)"
                        : "[%s] NOT stable after %.0f s of load: its steps are marked cold (%s)",
                name,
                w.stable() ? w.secondsToStable() : w.seconds(),
                w.rule());
    }

    void repeat(String name, int repeat, int repeats, LoadPlan plan) {
        say(
                "[%s] %s%d s of load (%s), elapsed %s",
                name,
                repeats > 1 ? "repeat " + repeat + " of " + repeats + ": " : "",
                plan.plannedSeconds(),
                describe(plan),
                elapsed());
    }

    void measured(String name, LoadWindow w, Measurement m) {
        say(
                "[%s]   %-9s %,8.0f rps, p50 %,6.0f ms, p99 %,6.0f ms, ko %,d, app CPU %.2f, Gatling %s + stub %s ms/request",
                name,
                w.open() ? w.rate() + "/s" : w.users() + " users",
                m.client().throughputRps(),
                m.client().latency().p50Ms(),
                m.client().latency().p99Ms(),
                m.client().ko(),
                m.app().cpuCores(),
                ms(m.loadSide().gatlingCpuMsPerRequest()),
                ms(m.loadSide().stubCpuMsPerRequest()));
    }

    void step(String name, StepRun s) {
        StepRun.Figure rps = s.spread().throughputRps();
        say(
                "[%s] %-9s %s rps (predicted %,.0f, %s), bottleneck: %s (%s)%s",
                name,
                s.load().open() ? s.load().rate() + "/s" : s.load().users() + " users",
                rps == null
                        ? "?"
                        : rps.n() > 1
                                ? String.format(Locale.ROOT, "%,.0f [%,.0f-%,.0f]", rps.median(), rps.min(), rps.max())
                                : String.format(Locale.ROOT, "%,.0f", rps.median()),
                s.prediction().predictedRps(),
                s.prediction().basis(),
                s.bottleneck() == null ? "?" : s.bottleneck().cause().name().toLowerCase(Locale.ROOT),
                s.bottleneck() == null ? "" : s.bottleneck().figure(),
                s.verdict().valid()
                        ? ""
                        : "  INVALID: " + String.join("; ", s.verdict().reasons()));
    }

    private String describe(LoadPlan plan) {
        StringBuilder b = new StringBuilder();
        if (!plan.users().isEmpty()) {
            b.append(plan.users()).append(" users, ").append(plan.stepSeconds()).append(" s each");
        }
        if (plan.openRate() > 0) {
            if (!b.isEmpty()) {
                b.append(", then ");
            }
            b.append(plan.openRate())
                    .append("/s for ")
                    .append(plan.openSeconds())
                    .append(" s");
        }
        if (!spec.phases().isEmpty()) {
            b.append(", phases ");
            spec.phases()
                    .forEach(p -> b.append(String.format(
                            Locale.ROOT,
                            "[%s: +%d ms at %d s for %d s]",
                            p.name(),
                            p.extraLatencyMs(),
                            p.atSecond(),
                            p.seconds())));
        }
        return b.toString();
    }

    private static String ms(Double v) {
        return v == null ? "?" : String.format(Locale.ROOT, "%.3f", v);
    }

    private String elapsed() {
        long s = (System.nanoTime() - started) / 1_000_000_000L;
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
