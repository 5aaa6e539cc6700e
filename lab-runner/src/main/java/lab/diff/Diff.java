package lab.diff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./lab diff}: compares two runs step by step and writes {@code diff.md} and {@code diff.html}.
 * Everything is read and checked before anything is written, so bad input leaves nothing behind.
 */
public final class Diff {

    public static final String MARKDOWN = "diff.md";
    public static final String HTML = "diff.html";
    /** How many flagged changes the console lists before "and N more". */
    private static final int CONSOLE_FLAGS = 8;
    /** How many differing settings the console names. */
    private static final int CONSOLE_SETTINGS = 6;

    /**
     * What a diff made.
     *
     * @param summary a few lines for the console
     * @param worse changes flagged worse beyond the noise
     * @param better changes flagged better beyond the noise
     */
    public record Outcome(Path markdown, Path html, List<String> summary, int worse, int better) {}

    private Diff() {}

    /** The default output folder: {@code <results>/diff-<A>-vs-<B>}. */
    public static Path defaultOut(Path resultsRoot, Path runA, Path runB) {
        return resultsRoot.resolve("diff-" + folderName(runA) + "-vs-" + folderName(runB));
    }

    /**
     * Reads both runs, compares them, writes the two files into {@code out}.
     *
     * @throws DiffInputException bad input (nothing is written): one line naming the file or the mismatch
     * @throws IOException when {@code out} cannot be written
     */
    public static Outcome make(Path runA, Path runB, Path out) throws IOException {
        RunDiff diff = RunDiff.of(Run.open("A", runA), Run.open("B", runB));
        String markdown = MarkdownDiff.render(diff);
        String html = HtmlDiff.render(diff);
        Files.createDirectories(out);
        Path md = write(out.resolve(MARKDOWN), markdown);
        Path page = write(out.resolve(HTML), html);
        return new Outcome(
                md,
                page,
                summary(diff, md, page),
                diff.calls(Change.Call.WORSE).size(),
                diff.calls(Change.Call.BETTER).size());
    }

    /** Through a temporary file and a move: a reader never sees half a page. */
    private static Path write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> summary(RunDiff diff, Path md, Path html) {
        List<String> lines = new ArrayList<>();
        lines.add("A: " + diff.a().folder() + " (" + Words.run(diff.a()) + ")");
        lines.add("B: " + diff.b().folder() + " (" + Words.run(diff.b()) + ")");
        List<SetupDiff.Row> differences = diff.differences();
        if (differences.isEmpty()) {
            lines.add("Setup: identical in every recorded setting");
        } else {
            List<String> named = differences.stream()
                    .limit(CONSOLE_SETTINGS)
                    .map(r -> r.key() + " " + r.a() + " -> " + r.b())
                    .toList();
            lines.add("Setup differs in " + differences.size() + " setting" + (differences.size() == 1 ? "" : "s")
                    + ": " + String.join("; ", named) + (differences.size() > named.size() ? "; ..." : ""));
        }
        lines.add(Words.counts(diff));
        flags("worse ", diff.calls(Change.Call.WORSE), lines);
        flags("better", diff.calls(Change.Call.BETTER), lines);
        if (diff.perSecondEvidence()) {
            lines.add("  (some calls rest on a single repeat: weaker evidence, see diff.md)");
        }
        diff.onlyInA().forEach(u -> lines.add("Only in A: " + u.describe()));
        diff.onlyInB().forEach(u -> lines.add("Only in B: " + u.describe()));
        diff.failures().forEach(f -> lines.add("! " + f));
        lines.add("Diff: " + md.toAbsolutePath());
        lines.add("      " + html.toAbsolutePath());
        return lines.stream().map(Diff::ascii).toList();
    }

    /** The console may not speak UTF-8 (a C locale prints "?"): arrows and signs in ASCII there. */
    private static String ascii(String line) {
        return line.replace("→", "->")
                .replace("\u2212", "-")
                .replace("×", "x")
                .replace("±", "+-")
                .replace("–", "-")
                .replace("·", ".");
    }

    private static void flags(String label, List<RunDiff.Flag> flags, List<String> lines) {
        flags.stream().limit(CONSOLE_FLAGS).forEach(f -> lines.add("  " + label + "  " + Words.flag(f)));
        if (flags.size() > CONSOLE_FLAGS) {
            lines.add("  " + label + "  ... and " + (flags.size() - CONSOLE_FLAGS) + " more (diff.md)");
        }
    }

    private static String folderName(Path run) {
        Path folder = run.toAbsolutePath().normalize();
        if (Files.isRegularFile(folder) && folder.getParent() != null) {
            folder = folder.getParent();
        }
        Path name = folder.getFileName();
        return name == null ? "run" : name.toString();
    }
}
