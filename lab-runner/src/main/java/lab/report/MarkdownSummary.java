package lab.report;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import lab.runrecord.RunResults;
import lab.runrecord.ScenarioSpec;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;

/** summary.md: the reading and the main tables, for a terminal, a pull request or a chat message. */
final class MarkdownSummary {

    private MarkdownSummary() {}

    static String render(RunResults run, Narrative.Reading reading) {
        ScenarioSpec scenario = run.scenario();
        StringBuilder md = new StringBuilder("# Blocking vs Reactive Lab — ")
                .append(scenario != null && scenario.title() != null ? escape(scenario.title()) : "summary")
                .append("\n\n")
                .append(escape(Subtitle.of(run)))
                .append("\n\n");
        if (scenario != null
                && scenario.prediction() != null
                && scenario.prediction().statement() != null) {
            md.append("**The model (")
                    .append(escape(Runs.model(run)))
                    .append("):** ")
                    .append(escape(scenario.prediction().statement()))
                    .append("\n\n");
        }
        if (scenario != null
                && scenario.reading() != null
                && !scenario.reading().isBlank()) {
            md.append("**What this scenario shows:** ")
                    .append(escape(scenario.reading()))
                    .append("\n\n");
        }
        md.append("## Reading\n\n");
        reading.warnings()
                .forEach(warning -> md.append("- ⚠ ").append(escape(warning)).append('\n'));
        reading.findings()
                .forEach(finding -> md.append("- ").append(escape(finding)).append('\n'));
        if (Runs.c10k(run)) {
            md.append("\n## c10k\n\n").append(table(StepTables.c10k(run)));
        }
        List<String> header = List.of(
                "step", "variant", "rps", "predicted", "p50", "p99", "server p99", "errors", "bottleneck", "valid");
        StringBuilder rows = new StringBuilder();
        for (String label : labels(run)) {
            for (VariantRun variant : run.variants()) {
                variant.steps().stream()
                        .filter(step -> Steps.label(step).equals(label))
                        .findFirst()
                        .ifPresent(step -> rows.append(row(
                                label,
                                variant.name(),
                                Fmt.withRange(Steps.throughput(step), Fmt::count),
                                step.prediction() == null
                                        ? Fmt.NONE
                                        : Fmt.count(step.prediction().predictedRps()),
                                Fmt.latencyWithRange(Steps.p50(step)),
                                Fmt.latencyWithRange(Steps.p99(step)),
                                Fmt.latencyWithRange(Steps.across(step, Figures::serverP99)),
                                Fmt.count(Steps.errors(step)),
                                step.bottleneck() == null
                                        ? Fmt.NONE
                                        : Words.causeShort(step.bottleneck().cause()),
                                validity(step))));
            }
        }
        if (!rows.isEmpty()) {
            md.append("\n## Every step\n\nMedians of the repeats, min–max in brackets; latencies client side unless "
                            + "marked server.\n\n")
                    .append(row(header.toArray()))
                    .append("|---|---|---:|---:|---:|---:|---:|---:|---|---|\n")
                    .append(rows);
        }
        Table variants = StepTables.variants(run);
        md.append("\n## Variants\n\n").append(table(variants));
        md.append("\nCharts, every measurement, the settings that differ and the environment: `report.html` "
                + "(self-contained, opens offline).\n");
        return md.toString();
    }

    /** Step labels in table order: the ladder by users, then the rest. */
    private static List<String> labels(RunResults run) {
        LinkedHashSet<String> labels = new LinkedHashSet<>();
        run.variants().stream()
                .flatMap(v -> Steps.closed(v).stream())
                .sorted(Comparator.comparing(step -> step.load().users()))
                .forEach(step -> labels.add(Steps.label(step)));
        run.variants().forEach(v -> v.steps().forEach(step -> labels.add(Steps.label(step))));
        return List.copyOf(labels);
    }

    static String validity(StepRun step) {
        String reason = Steps.reason(step);
        return StepTables.validity(step) + (reason == null ? "" : ": " + reason);
    }

    private static String table(Table table) {
        StringBuilder md = new StringBuilder(row(table.headers().toArray()));
        md.append("|").append("---|".repeat(table.headers().size())).append('\n');
        table.rows().forEach(r -> md.append(row(r.cells().toArray())));
        return md.toString();
    }

    private static String row(Object... cells) {
        StringBuilder line = new StringBuilder("|");
        for (Object cell : cells) {
            line.append(' ')
                    .append(escape(String.valueOf(cell)).replace("|", "\\|"))
                    .append(" |");
        }
        return line.append('\n').toString();
    }

    /** Markdown would read a stray {@code <tag>} from an error message as HTML. */
    private static String escape(String text) {
        return text.replace("<", "&lt;").replace(">", "&gt;");
    }
}
