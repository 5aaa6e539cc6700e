package lab.runner.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GC threads' CPU from a fake {@code /proc/<pid>/task} tree (100 clock ticks a second). */
class GcThreadsTest {

    private static final long PID = 4242;

    @TempDir
    Path proc;

    /** A thread of the app: its name and its user and system CPU in ticks. */
    private void thread(long tid, String name, long utime, long stime) throws IOException {
        Path task = Files.createDirectories(
                proc.resolve(Long.toString(PID)).resolve("task").resolve(Long.toString(tid)));
        Files.writeString(task.resolve("comm"), name + "\n");
        Files.writeString(
                task.resolve("stat"),
                tid + " (" + name + ") S 1 4242 4242 0 -1 4194368 100 0 0 0 " + utime + " " + stime
                        + " 0 0 20 0 1 0 100 0 0\n");
    }

    @Test
    void sumsTheCpuOfTheGcThreadsOnly() throws IOException {
        thread(4242, "java", 900, 100);
        thread(4250, "GC Thread#0", 100, 20);
        thread(4251, "GC Thread#1", 80, 10);
        thread(4252, "G1 Main Marker", 5, 0);
        thread(4253, "G1 Conc#0", 40, 0);
        thread(4254, "G1 Refine#0", 3, 0);
        thread(4255, "G1 Service", 2, 0);
        thread(4256, "VM Thread", 10, 0);
        thread(4260, "C2 CompilerThre", 500, 0);
        thread(4261, "http-nio-8081-e", 300, 50);
        thread(4262, "reactor-http-ep", 300, 50);

        GcThreads gc = new GcThreads(new ProcReader(proc, 100), PID);

        // 120 + 90 + 5 + 40 + 3 + 2 + 10 ticks
        assertThat(gc.cpuSeconds()).hasValueSatisfying(s -> assertThat(s).isCloseTo(2.7, within(1e-9)));
    }

    @Test
    void readsTheThreadsCountersAgainEachTime() throws IOException {
        thread(4250, "GC Thread#0", 100, 0);
        GcThreads gc = new GcThreads(new ProcReader(proc, 100), PID);
        assertThat(gc.cpuSeconds()).contains(1.0);

        thread(4250, "GC Thread#0", 250, 50);

        assertThat(gc.cpuSeconds()).contains(3.0);
    }

    @Test
    void aGcThreadThatEndedCountsNothing() throws IOException {
        thread(4250, "GC Thread#0", 100, 0);
        thread(4251, "GC Thread#1", 100, 0);
        GcThreads gc = new GcThreads(new ProcReader(proc, 100), PID);
        assertThat(gc.cpuSeconds()).contains(2.0);

        Path gone = proc.resolve(Long.toString(PID)).resolve("task").resolve("4251");
        Files.delete(gone.resolve("stat"));
        Files.delete(gone.resolve("comm"));
        Files.delete(gone);

        assertThat(gc.cpuSeconds()).contains(1.0);
    }

    @Test
    void aProcessWithoutGcThreadsOrWithoutProcSaysNothing() throws IOException {
        assertThat(new GcThreads(new ProcReader(proc, 100), PID).cpuSeconds()).isEmpty();

        thread(4242, "java", 900, 100);

        assertThat(new GcThreads(new ProcReader(proc, 100), PID).cpuSeconds()).isEmpty();
    }
}
