package lab.runner.compare;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import lab.runner.output.Results;
import lab.runner.output.StepResult;
import lab.runner.output.VariantResult;

/** The table printed at the end: users down, variants across; rps, p99, errors, and a mark for invalid steps. */
public final class Summary {

    private static final int USERS_WIDTH = 7;
    private static final int CELL_WIDTH = 34;

    private Summary() {}

    public static void print(PrintStream out, Results results) {
        out.print(render(results));
        out.flush();
    }

    static String render(Results results) {
        StringBuilder b = new StringBuilder();
        List<VariantResult> variants = results.variants();
        b.append(pad("users", USERS_WIDTH));
        for (VariantResult v : variants) {
            b.append(" | ").append(pad(v.name() + " (rps / p99 / errors)", CELL_WIDTH));
        }
        b.append('\n').append("-".repeat(USERS_WIDTH));
        variants.forEach(v -> b.append("-+-").append("-".repeat(CELL_WIDTH)));
        b.append('\n');
        TreeSet<Integer> users = new TreeSet<>();
        variants.forEach(v -> v.steps().stream()
                .map(StepResult::users)
                .filter(Objects::nonNull)
                .forEach(users::add));
        for (int u : users) {
            b.append(padLeft(Integer.toString(u), USERS_WIDTH));
            for (VariantResult v : variants) {
                StepResult s = v.steps().stream()
                        .filter(x -> Objects.equals(x.users(), u))
                        .findFirst()
                        .orElse(null);
                b.append(" | ").append(pad(s == null ? "-" : cell(s), CELL_WIDTH));
            }
            b.append('\n');
        }
        if (variants.stream().anyMatch(v -> v.openModel() != null)) {
            b.append(pad("open", USERS_WIDTH));
            for (VariantResult v : variants) {
                StepResult s = v.openModel();
                b.append(" | ").append(pad(s == null ? "-" : cell(s), CELL_WIDTH));
            }
            b.append('\n');
            StepResult any = variants.stream()
                    .map(VariantResult::openModel)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .get();
            b.append(String.format(Locale.ROOT, "(open = open model at %d arrivals/s)%n", any.rate()));
        }
        b.append("* = invalid step (reason in results.json / report)\n");
        for (VariantResult v : variants) {
            if (v.error() != null) {
                b.append("! ")
                        .append(v.name())
                        .append(" failed: ")
                        .append(v.error())
                        .append('\n');
            }
        }
        return b.toString();
    }

    private static String cell(StepResult s) {
        return String.format(
                Locale.ROOT, "%,8.0f / %,7.0f ms / %,d%s", s.throughputRps(), s.p99Ms(), s.ko(), s.valid() ? "" : " *");
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
