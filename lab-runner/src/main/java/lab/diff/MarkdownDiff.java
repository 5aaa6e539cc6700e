package lab.diff;

import java.util.ArrayList;
import java.util.List;

/** Renders {@code diff.md}: the setup differences first, then the summary, the rule, and a table per variant. */
final class MarkdownDiff {

    private MarkdownDiff() {}

    static String render(RunDiff diff) {
        List<String> md = new ArrayList<>();
        md.add("# ./lab diff: " + diff.a().name() + " (A) vs " + diff.b().name() + " (B)");
        md.add("");
        md.add("- **A** `" + diff.a().folder() + "`: " + Words.run(diff.a()));
        md.add("- **B** `" + diff.b().folder() + "`: " + Words.run(diff.b()));
        md.add("");
        md.add("Changes read B against A. Figures: median [min–max] across repeats.");
        md.add("");
        setup(diff, md);
        summary(diff, md);
        md.add("## How the noise is judged");
        md.add("");
        Words.rule().forEach(line -> md.add("- " + line));
        md.add("");
        for (RunDiff.VariantDiff variant : diff.variants()) {
            variant(variant, md);
        }
        return String.join("\n", md) + "\n";
    }

    private static void setup(RunDiff diff, List<String> md) {
        md.add("## What differs between the runs");
        md.add("");
        List<SetupDiff.Row> differences = diff.differences();
        if (differences.isEmpty()) {
            md.add("Nothing: every recorded setting is the same in both runs.");
        } else {
            md.add("| setting | A | B |");
            md.add("|---|---|---|");
            differences.forEach(r -> md.add("| `" + r.key() + "` | " + cell(r.a()) + " | " + cell(r.b()) + " |"));
        }
        md.add("");
        List<SetupDiff.Row> identical = diff.identical();
        if (!identical.isEmpty()) {
            md.add("<details><summary>" + identical.size() + " settings identical in both runs</summary>");
            md.add("");
            md.add("| setting | value |");
            md.add("|---|---|");
            identical.forEach(r -> md.add("| `" + r.key() + "` | " + cell(r.a()) + " |"));
            md.add("");
            md.add("</details>");
            md.add("");
        }
    }

    private static void summary(RunDiff diff, List<String> md) {
        md.add("## Summary");
        md.add("");
        md.add(Words.counts(diff) + ".");
        md.add("");
        flags("Worse beyond the noise", diff.calls(Change.Call.WORSE), md);
        flags("Better beyond the noise", diff.calls(Change.Call.BETTER), md);
        if (diff.perSecondEvidence()) {
            md.add("Some calls rest on a single repeat (per-second spread within the window): weaker evidence,"
                    + " see the notes under each table.");
            md.add("");
        }
        unshared("Only in A", diff.onlyInA(), md);
        unshared("Only in B", diff.onlyInB(), md);
        if (!diff.failures().isEmpty()) {
            md.add("Stopped early:");
            md.add("");
            diff.failures().forEach(f -> md.add("- " + f));
            md.add("");
        }
    }

    private static void flags(String title, List<RunDiff.Flag> flags, List<String> md) {
        if (flags.isEmpty()) {
            return;
        }
        md.add(title + ":");
        md.add("");
        flags.forEach(f -> md.add("- " + Words.flag(f) + "; " + f.change().why()));
        md.add("");
    }

    private static void unshared(String title, List<RunDiff.Unshared> unshared, List<String> md) {
        if (unshared.isEmpty()) {
            return;
        }
        md.add(title + " (not compared):");
        md.add("");
        unshared.forEach(u -> md.add("- " + u.describe()));
        md.add("");
    }

    private static void variant(RunDiff.VariantDiff variant, List<String> md) {
        md.add("## " + variant.name());
        md.add("");
        StringBuilder header = new StringBuilder("| step | load |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (Metric metric : Metric.values()) {
            String name = metric.label + " (" + metric.unit + ")";
            header.append(" ").append(name).append(" A | ").append(name).append(" B | Δ |");
            rule.append("---:|---:|---|");
        }
        md.add(header.toString());
        md.add(rule.toString());
        for (StepDiff step : variant.steps()) {
            StringBuilder row = new StringBuilder("| " + step.id() + " | " + step.load() + " |");
            for (Metric metric : Metric.values()) {
                Change change = step.change(metric);
                String delta = Words.delta(change);
                row.append(' ')
                        .append(Words.cell(change.a(), metric))
                        .append(" | ")
                        .append(Words.cell(change.b(), metric))
                        .append(" | ")
                        .append(change.flagged() ? "**" + delta + "**" : delta)
                        .append(" |");
            }
            md.add(row.toString());
        }
        md.add("");
        List<String> notes = new ArrayList<>();
        for (StepDiff step : variant.steps()) {
            List<String> lines = new ArrayList<>(step.notes());
            // a call on a single repeat says which threshold it used; calls on repeats follow the rule above
            step.changes().stream()
                    .filter(c -> c.flagged() && c.evidence() == Change.Evidence.PER_SECOND)
                    .forEach(c -> lines.add(c.metric().label + ": " + c.why()));
            if (!lines.isEmpty()) {
                notes.add("- " + step.id() + ": " + cell(String.join("; ", lines)));
            }
        }
        if (!notes.isEmpty()) {
            md.add("Notes:");
            md.add("");
            md.addAll(notes);
            md.add("");
        }
    }

    /** A table cell: pipes escaped, on one line. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace('\n', ' ');
    }
}
