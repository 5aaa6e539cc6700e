package lab.diff;

import java.nio.file.Path;
import lab.runrecord.ResultsJson;
import lab.runrecord.RunResults;

/**
 * Reads one {@code results.json} through the lab's one reader ({@link ResultsJson}), turning its
 * refusal (missing file, not JSON, another schema version, another shape) into the diff's bad input.
 */
final class ResultsFile {

    static final String NAME = ResultsJson.FILE_NAME;

    private ResultsFile() {}

    static RunResults read(Path file) {
        try {
            return ResultsJson.read(file);
        } catch (ResultsJson.Unreadable e) {
            throw new DiffInputException(e.getMessage());
        }
    }
}
