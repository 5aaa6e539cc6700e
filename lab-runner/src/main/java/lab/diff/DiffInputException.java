package lab.diff;

/**
 * Input {@code ./lab diff} cannot compare: a missing folder, a folder without {@code results.json},
 * an unreadable or wrong-version file, or two runs with no step in common. The message is one line
 * naming the file or the mismatch; the command prints it and exits 2 without writing anything.
 */
public final class DiffInputException extends RuntimeException {

    DiffInputException(String message) {
        super(message);
    }
}
