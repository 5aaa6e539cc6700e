package lab.diff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import lab.runrecord.RunResults;
import lab.runrecord.VariantRun;

/**
 * One side of a diff: a run folder (or its {@code results.json}) and what it holds.
 *
 * @param label {@code A} or {@code B}
 * @param folder the run folder as given
 * @param file its {@code results.json}
 */
record Run(String label, Path folder, Path file, RunResults results) {

    /** Opens a run folder, or a results file directly; a clear one-line error when it is neither. */
    static Run open(String label, Path given) {
        Path folder;
        Path file;
        if (Files.isRegularFile(given)) {
            file = given;
            folder = given.toAbsolutePath().getParent();
        } else if (Files.isDirectory(given)) {
            folder = given;
            file = given.resolve(ResultsFile.NAME);
            if (!Files.isRegularFile(file)) {
                throw new DiffInputException("no " + ResultsFile.NAME + " in " + given + " (run " + label
                        + "): not a run folder of ./lab compare");
            }
        } else {
            throw new DiffInputException("no such run folder: " + given + " (run " + label + ")");
        }
        if (!Files.isReadable(file)) {
            throw new DiffInputException("cannot read " + file + ": permission denied");
        }
        return new Run(label, folder, file, ResultsFile.read(file));
    }

    /** The folder's own name: what people call the run ({@code 20260530-101500}, {@code jdk25}). */
    String name() {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }

    Optional<VariantRun> variant(String name) {
        return results.variant(name);
    }
}
