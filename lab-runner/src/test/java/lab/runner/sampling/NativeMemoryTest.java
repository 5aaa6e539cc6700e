package lab.runner.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import lab.runner.process.JavaLauncher;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {

    static final String JDK25_SUMMARY = """
            Native Memory Tracking:

            Total: reserved=1720448KB, committed=400320KB
                   malloc: 40000KB #100000
                   mmap:   reserved=1680448KB, committed=360320KB

            -                 Java Heap (reserved=262144KB, committed=262144KB)
                                        (mmap: reserved=262144KB, committed=262144KB)

            -                    Thread (reserved=10300000KB, committed=421000KB)
                                        (threads #10042)
                                        (stack: reserved=10280000KB, committed=401000KB, peak=401000KB)
                                        (malloc=20000KB #60000) (peak=20000KB #60000)

            -                      Code (reserved=49000KB, committed=12000KB)
            """;

    @Test
    void readsThreadCountAndStackReservedVersusCommitted() {
        NativeMemory m = NativeMemory.parse(JDK25_SUMMARY).orElseThrow();

        assertThat(m.threads()).isEqualTo(10042);
        assertThat(m.stackReservedMiB()).isCloseTo(10039.06, within(0.01));
        assertThat(m.stackCommittedMiB()).isCloseTo(391.60, within(0.01));
        assertThat(m.threadCommittedMiB()).isCloseTo(411.13, within(0.01));
    }

    @Test
    void nothingWhenTrackingIsOff() {
        assertThat(NativeMemory.parse("Native memory tracking is not enabled")).isEmpty();
    }

    @Test
    void readsARealJvm() throws Exception {
        JavaLauncher java = new JavaLauncher();
        Process waiting = new ProcessBuilder(java.command(
                        null,
                        List.of(
                                "-XX:NativeMemoryTracking=summary",
                                "-Xmx32m",
                                "-cp",
                                System.getProperty("java.class.path")),
                        List.of(WaitForStdin.class.getName())))
                .start();
        try {
            Optional<NativeMemory> m = Optional.empty();
            for (int i = 0; i < 50 && m.isEmpty(); i++) {
                Thread.sleep(200);
                m = NativeMemory.read(java.jdkTool("jcmd"), waiting.pid(), null);
            }
            assertThat(m).isPresent();
            assertThat(m.get().threads()).isGreaterThan(3);
            assertThat(m.get().stackReservedMiB()).isGreaterThan(m.get().stackCommittedMiB());
        } finally {
            waiting.destroyForcibly().waitFor();
        }
    }

    /** A JVM that waits until its stdin closes (i.e. until the test kills it). */
    public static final class WaitForStdin {
        public static void main(String[] args) throws Exception {
            System.in.read();
        }
    }
}
