package lab.runner.engine;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import lab.runrecord.RunResults;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;

/** The table printed at the end of a run: one row per step, one column per variant. */
public final class Summary {

    private static final int COLUMN = 38;

    private Summary() {}

    public static void print(PrintStream out, RunResults results) {
        Set<String> ids = new LinkedHashSet<>();
        results.variants().forEach(v -> v.steps().forEach(s -> ids.add(s.id())));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-10s", "step"));
        for (VariantRun v : results.variants()) {
            header.append("| ").append(pad(v.name() + " (rps [min-max] / p99)", COLUMN));
        }
        out.println(header);
        out.println("-".repeat(header.length()));
        for (String id : ids) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-10s", id));
            for (VariantRun v : results.variants()) {
                Optional<StepRun> s =
                        v.steps().stream().filter(x -> x.id().equals(id)).findFirst();
                row.append("| ").append(pad(s.map(Summary::cell).orElse("-"), COLUMN));
            }
            out.println(row);
        }
        out.println("* = invalid step (reason in results.json / report)");
        List<String> failures = new ArrayList<>();
        for (VariantRun v : results.variants()) {
            if (v.failure() != null) {
                failures.add("! " + v.name() + ": " + v.failure().message());
            }
            if (v.warmup() != null) {
                out.printf(
                        Locale.ROOT,
                        "%s warm-up: %s%n",
                        v.name(),
                        v.warmup().stable()
                                ? String.format(
                                        Locale.ROOT,
                                        "stable after %.0f s of load",
                                        v.warmup().secondsToStable())
                                : String.format(
                                        Locale.ROOT,
                                        "never stable in %.0f s (steps marked cold)",
                                        v.warmup().seconds()));
            }
        }
        failures.forEach(out::println);
        out.flush();
    }

    private static String cell(StepRun s) {
        StepRun.Figure rps = s.spread().throughputRps();
        StepRun.Figure p99 = s.spread().p99Ms();
        if (rps == null) {
            return "?";
        }
        String range = rps.n() > 1
                ? String.format(Locale.ROOT, "%,.0f [%,.0f-%,.0f]", rps.median(), rps.min(), rps.max())
                : String.format(Locale.ROOT, "%,.0f", rps.median());
        return range
                + String.format(Locale.ROOT, " / %,.0f ms", p99 == null ? 0 : p99.median())
                + (s.verdict().valid() ? "" : " *");
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
