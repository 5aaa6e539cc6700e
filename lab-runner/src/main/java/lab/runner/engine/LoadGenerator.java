package lab.runner.engine;

import java.io.IOException;
import java.util.List;

/** A warm load generator that runs plans one after the other in the same process. */
public interface LoadGenerator extends AutoCloseable {

    /** Its process id, so the lab can count its CPU. */
    long pid();

    /** The JVM flags it runs with, for the record. */
    List<String> jvmFlags();

    /** Runs the plan and waits for it to end (bounded by the plan's length). */
    LoadRun run(LoadPlan plan) throws IOException, InterruptedException;

    @Override
    void close();
}
