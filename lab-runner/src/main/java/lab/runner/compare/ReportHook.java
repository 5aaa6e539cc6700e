package lab.runner.compare;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

/**
 * Calls the report writer ({@code lab.report.ReportWriter.write(Path)}) on a finished output
 * folder. Looked up by name so that the runner keeps working (and says so) while the report is
 * absent or broken: the results are written before this runs and are never lost to it.
 */
public final class ReportHook {

    static final String WRITER = "lab.report.ReportWriter";

    private ReportHook() {}

    public static boolean write(Path outDir, PrintStream out) {
        try {
            Class.forName(WRITER).getMethod("write", Path.class).invoke(null, outDir);
            return true;
        } catch (InvocationTargetException e) {
            out.println("WARNING: the report could not be written: " + e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            out.println("WARNING: no report writer (" + WRITER + ") on the classpath: " + e);
        }
        return false;
    }
}
