package lab.runner.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcReaderTest {

    @Test
    void parsesStatusAndStatEvenWithParenthesesInTheCommandName() {
        String status = """
                Name:\tjava
                Threads:\t231
                VmRSS:\t  345600 kB
                voluntary_ctxt_switches:\t120
                nonvoluntary_ctxt_switches:\t7
                """;
        // fields 14 and 15 (utime, stime) are 250 and 50 ticks
        String stat = "4242 (ja va (x)) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 231 0 100 0 0";
        ProcStats p = new ProcReader(Path.of("/proc"), 100).parse(status, stat);

        assertThat(p.threads()).isEqualTo(231);
        assertThat(p.rssKiB()).isEqualTo(345600);
        assertThat(p.rssMiB()).isCloseTo(337.5, within(0.01));
        assertThat(p.cpuSeconds()).isCloseTo(3.0, within(1e-9));
        assertThat(p.voluntarySwitches()).isEqualTo(120);
        assertThat(p.involuntarySwitches()).isEqualTo(7);
    }

    @Test
    void busySecondsCountUserSystemAndStealOnTheChosenCpus() {
        String stat = """
                cpu  1000 0 500 9000 100 0 0 0 0 0
                cpu0 400 0 200 4500 50 0 0 0 0 0
                cpu1 600 10 300 4500 50 5 5 80 0 0
                intr 12345
                """;
        ProcReader reader = new ProcReader(Path.of("/proc"), 100);
        // cpu1: user 600 + nice 10 + system 300 + steal 80 ticks (irq and softirq left out)
        assertThat(reader.busySeconds(stat, List.of(1))).isCloseTo(9.9, within(1e-9));
        assertThat(reader.busySeconds(stat, List.of(0, 1))).isCloseTo(15.9, within(1e-9));
        assertThat(new ProcReader().busySeconds(List.of(0))).isPositive();
    }

    @Test
    void readsThisJvm() {
        ProcReader reader = new ProcReader();
        long pid = ProcessHandle.current().pid();
        ProcStats p = reader.read(pid).orElseThrow();

        assertThat(p.threads()).isGreaterThan(1);
        assertThat(p.rssKiB()).isGreaterThan(1024);
        assertThat(p.cpuSeconds()).isPositive();
        assertThat(reader.contextSwitchesAllThreads(pid)).isGreaterThanOrEqualTo(p.voluntarySwitches());
    }

    @Test
    void aProcessThatIsGoneReadsAsEmpty() {
        assertThat(new ProcReader().read(Integer.MAX_VALUE)).isEmpty();
    }

    // ---- a fake /proc tree

    @TempDir
    Path proc;

    private static final String STATUS = "Name:\tjava\nThreads:\t3\nVmRSS:\t  2048 kB\n"
            + "voluntary_ctxt_switches:\t%d\nnonvoluntary_ctxt_switches:\t%d\n";

    private static String stat(long pid, String comm, long utime, long stime) {
        return pid + " (" + comm + ") S 1 " + pid + " " + pid + " 0 -1 4194560 100 0 0 0 " + utime + " " + stime
                + " 0 0 20 0 3 0 100 0 0\n";
    }

    private void task(long pid, long tid, String comm, long utime, long stime, long voluntary, long involuntary)
            throws IOException {
        Path dir = Files.createDirectories(proc.resolve(pid + "/task/" + tid));
        Files.writeString(dir.resolve("comm"), comm + "\n");
        Files.writeString(dir.resolve("stat"), stat(pid, comm, utime, stime));
        Files.writeString(dir.resolve("status"), STATUS.formatted(voluntary, involuntary));
    }

    @Test
    void readsAProcessFromAProcTree() throws IOException {
        Path dir = Files.createDirectories(proc.resolve("77"));
        Files.writeString(dir.resolve("status"), STATUS.formatted(10, 2));
        Files.writeString(dir.resolve("stat"), stat(77, "java", 150, 50));

        ProcStats p = new ProcReader(proc, 100).read(77).orElseThrow();

        assertThat(p.threads()).isEqualTo(3);
        assertThat(p.rssMiB()).isEqualTo(2);
        assertThat(p.cpuSeconds()).isCloseTo(2.0, within(1e-9));
        assertThat(p.voluntarySwitches()).isEqualTo(10);
        // a process whose files cannot be read, or are cut short, is gone
        assertThat(new ProcReader(proc, 100).read(78)).isEmpty();
        Files.writeString(dir.resolve("stat"), "77 (java) S 1");
        assertThat(new ProcReader(proc, 100).read(77)).isEmpty();
    }

    @Test
    void threadsAreFoundByNameAndTheirCpuSummed() throws IOException {
        task(77, 77, "java", 1000, 0, 5, 1);
        task(77, 80, "GC Thread#0", 30, 10, 100, 7);
        task(77, 81, "GC Thread#1", 20, 0, 50, 3);
        ProcReader reader = new ProcReader(proc, 100);

        List<Long> gc = reader.threadIds(77, name -> name.startsWith("GC Thread"));

        assertThat(gc).containsExactlyInAnyOrder(80L, 81L);
        assertThat(reader.threadCpuSeconds(77, gc)).isCloseTo(0.6, within(1e-9));
        // a thread that ended counts nothing
        assertThat(reader.threadCpuSeconds(77, List.of(80L, 99L))).isCloseTo(0.4, within(1e-9));
        assertThat(reader.threadIds(78, name -> true)).isEmpty();
    }

    @Test
    void contextSwitchesAreSummedOverEveryThread() throws IOException {
        task(77, 77, "java", 1000, 0, 5, 1);
        task(77, 80, "GC Thread#0", 30, 10, 100, 7);
        task(77, 81, "http-nio-8081-e", 20, 0, 50, 3);

        assertThat(new ProcReader(proc, 100).contextSwitchesAllThreads(77)).isEqualTo(166);
        assertThat(new ProcReader(proc, 100).contextSwitchesAllThreads(78)).isEqualTo(-1);
    }

    @Test
    void busySecondsComeFromTheTreesStatFile() throws IOException {
        Files.writeString(proc.resolve("stat"), """
                cpu  1000 0 500 9000 100 0 0 0 0 0
                cpu0 400 0 200 4500 50 0 0 0 0 0
                cpu1 600 10 300 4500 50 5 5 80 0 0
                """);

        assertThat(new ProcReader(proc, 100).busySeconds(List.of(1))).isCloseTo(9.9, within(1e-9));
        assertThat(new ProcReader(proc.resolve("missing"), 100).busySeconds(List.of(1)))
                .isNegative();
    }
}
