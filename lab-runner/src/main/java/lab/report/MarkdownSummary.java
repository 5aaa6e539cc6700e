package lab.report;

import java.util.List;
import java.util.Map;

/** summary.md: the reading and the tables, for a terminal, a pull request or a chat message. */
final class MarkdownSummary {

    private MarkdownSummary() {}

    static String render(Results results, Narrative.Reading reading) {
        StringBuilder md = new StringBuilder("# Blocking vs Reactive Lab — summary\n\n");
        md.append(escape(Subtitle.of(results))).append("\n\n## Reading\n\n");
        reading.warnings()
                .forEach(warning -> md.append("- ⚠ ").append(escape(warning)).append('\n'));
        reading.findings()
                .forEach(finding -> md.append("- ").append(escape(finding)).append('\n'));
        List<Integer> users = results.variants().stream()
                .flatMap(variant -> variant.steps().stream().map(Step::users))
                .distinct()
                .sorted()
                .toList();
        if (!users.isEmpty()) {
            md.append("\n## Closed-model ladder\n\n")
                    .append("| users | variant | rps | p50 | p99 | errors | valid |\n")
                    .append("|---:|---|---:|---:|---:|---:|---|\n");
        }
        for (int n : users) {
            for (Variant variant : results.variants()) {
                variant.steps().stream()
                        .filter(step -> step.users() == n)
                        .findFirst()
                        .ifPresent(step -> {
                            Map<String, Object> row = StepRows.step(step);
                            md.append(row(
                                    row.get("users"),
                                    variant.name(),
                                    row.get("rps"),
                                    row.get("p50"),
                                    row.get("p99"),
                                    row.get("errors"),
                                    validity(row)));
                        });
            }
        }
        List<Map<String, Object>> open = StepRows.open(results);
        if (!open.isEmpty()) {
            md.append("\n## Open model\n\n")
                    .append("| variant | offered (req/s) | achieved (rps) | p50 | p99 | errors | valid |\n")
                    .append("|---|---:|---:|---:|---:|---:|---|\n");
            open.forEach(row -> md.append(row(
                    row.get("name"),
                    row.get("rate"),
                    row.get("rps"),
                    row.get("p50"),
                    row.get("p99"),
                    row.get("errors"),
                    validity(row))));
        }
        results.c10k().ifPresent(c10k -> {
            md.append("\n## c10k: ")
                    .append(Fmt.count(c10k.inFlight()))
                    .append(" requests in flight\n\n")
                    .append("Seed's estimate: ")
                    .append(Fmt.count(c10k.inFlight()))
                    .append(" × 1 MB = ")
                    .append(Fmt.count(c10k.seedEstimateMiB()))
                    .append(" MiB of thread stacks.\n\n")
                    .append("| variant | in flight | errors | p99 | live threads | RSS (MiB) | stack reserved (MiB) "
                            + "| stack committed (MiB) | context switches / req | valid |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            StepRows.c10k(c10k)
                    .forEach(row -> md.append(row(
                            row.get("name"),
                            row.get("inFlight"),
                            row.get("errors"),
                            row.get("p99"),
                            row.get("threads"),
                            row.get("rss"),
                            row.get("reserved"),
                            row.get("committed"),
                            row.get("switches"),
                            validity(row))));
        });
        md.append("\nCharts, settings and environment: `report.html` (self-contained, opens offline).\n");
        return md.toString();
    }

    private static String validity(Map<String, Object> row) {
        String reason = String.valueOf(row.get("reason"));
        return row.get("validText") + (reason.isEmpty() ? "" : ": " + reason);
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
