package lab.runner.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessGroupTest {

    @Test
    void closingTheGroupStopsEveryProcessAndItsChildren(@TempDir Path dir) throws Exception {
        List<ProcessHandle> started;
        try (ProcessGroup group = new ProcessGroup()) {
            ManagedProcess p = group.start(
                    "parent", List.of("bash", "-c", "sleep 300 & sleep 300 & wait"), Map.of(), dir.resolve("p.log"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> p.handle().descendants().count() == 2);
            started = new java.util.ArrayList<>(p.handle().descendants().toList());
            started.add(p.handle());
            assertThat(group.running()).containsExactly(p);
        }
        assertThat(started).hasSize(3).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void processesThatIgnoreSigtermShareOneGracePeriodNotOneEach(@TempDir Path dir) throws Exception {
        // four apps slow to stop, as under a half-CPU quota: one grace period for all, then SIGKILL
        List<ProcessHandle> stubborn = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Process p = new ProcessBuilder("bash", "-c", "trap '' TERM; echo ready; while true; do sleep 1; done")
                    .redirectErrorStream(true)
                    .start();
            assertThat(new BufferedReader(new InputStreamReader(p.getInputStream())).readLine())
                    .isEqualTo("ready");
            stubborn.add(p.toHandle());
        }
        stubborn.forEach(ProcessHandle::destroy);
        long start = System.nanoTime();

        ProcessGroup.awaitAllOrKill(stubborn);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(stubborn).noneMatch(ProcessHandle::isAlive);
        // one grace period each in turn would be four
        assertThat(took).isLessThan(ProcessGroup.GRACE.multipliedBy(2));
    }

    @Test
    void stoppingOneProcessLeavesTheOthersRunning(@TempDir Path dir) throws Exception {
        try (ProcessGroup group = new ProcessGroup()) {
            ManagedProcess a = group.start("a", List.of("sleep", "300"), Map.of(), dir.resolve("a.log"));
            ManagedProcess b = group.start("b", List.of("sleep", "300"), Map.of(), dir.resolve("b.log"));
            group.stop(a);
            assertThat(a.isAlive()).isFalse();
            assertThat(b.isAlive()).isTrue();
            assertThat(group.running()).containsExactly(b);
        }
    }

    @Test
    void ctrlCOnTheLabStopsWhatItStarted(@TempDir Path dir) throws Exception {
        // A JVM holding a group with a child process; SIGTERM (what Ctrl-C's SIGINT also does) runs its shutdown hook.
        JavaLauncher launcher = new JavaLauncher();
        Process holder = new ProcessBuilder(launcher.command(
                        null,
                        List.of("-cp", System.getProperty("java.class.path")),
                        List.of(
                                GroupHolder.class.getName(),
                                dir.resolve("child.log").toString())))
                .start();
        long childPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            childPid = Long.parseLong(out.readLine().trim());
            ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
            assertThat(child.isAlive()).isTrue();

            holder.destroy();

            assertThat(holder.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            await().atMost(Duration.ofSeconds(15)).until(() -> !child.isAlive());
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void nothingStartedWhileCtrlCsHookRunsOutlivesTheLab(@TempDir Path dir) throws Exception {
        // The runner's main thread goes on while the shutdown hook stops the group (it moved on to
        // the next variant once; that app outlived the lab): whatever it starts then must not survive.
        JavaLauncher launcher = new JavaLauncher();
        Process holder = new ProcessBuilder(launcher.command(
                        null,
                        List.of("-cp", System.getProperty("java.class.path")),
                        List.of(
                                BusyStarter.class.getName(),
                                dir.resolve("child.log").toString())))
                .start();
        List<Long> pids = new java.util.ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            pids.add(Long.parseLong(out.readLine().trim()));

            holder.toHandle().destroy(); // SIGTERM, keeping its output open to read what it started meanwhile
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                pids.add(Long.parseLong(line.trim()));
            }

            assertThat(holder.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> pids.stream()
                            .map(ProcessHandle::of)
                            .noneMatch(h -> h.isPresent() && h.get().isAlive()));
        } finally {
            holder.destroyForcibly();
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    /**
     * Like the runner's main thread during Ctrl-C: keeps starting processes, printing each PID. The
     * first one ignores SIGTERM for 3 s, as a busy app may take seconds to stop, so the hook runs
     * that long while the main thread goes on.
     */
    public static final class BusyStarter {
        public static void main(String[] args) throws Exception {
            ProcessGroup group = new ProcessGroup();
            List<String> slowToStop = List.of("bash", "-c", "trap '' TERM; sleep 3");
            for (int n = 0; ; n++) {
                try {
                    List<String> command = n == 0 ? slowToStop : List.of("sleep", "300");
                    ManagedProcess p = group.start("sleeper", command, Map.of(), Path.of(args[0]));
                    System.out.println(p.pid());
                    System.out.flush();
                    Thread.sleep(20);
                } catch (IllegalStateException closed) {
                    Thread.sleep(Duration.ofMinutes(5));
                }
            }
        }
    }

    /** Starts a long sleep in a group, prints its PID, and waits to be killed. */
    public static final class GroupHolder {
        public static void main(String[] args) throws Exception {
            ProcessGroup group = new ProcessGroup();
            ManagedProcess p = group.start("sleeper", List.of("sleep", "300"), Map.of(), Path.of(args[0]));
            System.out.println(p.pid());
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5));
        }
    }
}
