package lab.runner.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
