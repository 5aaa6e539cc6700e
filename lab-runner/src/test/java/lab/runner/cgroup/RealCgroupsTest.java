package lab.runner.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lab.runner.process.ManagedProcess;
import lab.runner.process.ProcessGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real cgroups, real JVMs, real kernel enforcement: needs a writable cgroup v1 or v2 hierarchy
 * (root on this machine and on CI). Elsewhere every test is skipped and the reason printed.
 */
class RealCgroupsTest {

    private static final long MIB = 1024L * 1024;
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final PodLimits HALF_CPU =
            new PodLimits(500, 448 * MIB, "-XX:MaxRAMPercentage=30 -XX:+UseG1GC", "test: the tight pod");

    private static final int MACHINE_CPUS = Runtime.getRuntime().availableProcessors();

    private static Cgroups cgroups;

    @BeforeAll
    static void requireWritableCgroups() {
        cgroups = Cgroups.detect();
        boolean direct = cgroups.mechanism() == Mechanism.CGROUP_V1 || cgroups.mechanism() == Mechanism.CGROUP_V2;
        if (!direct) {
            System.out.println("RealCgroupsTest skipped: no writable cgroup hierarchy here: "
                    + String.join("; ", cgroups.notUsed()));
        }
        Assumptions.assumeTrue(direct, () -> "no writable cgroup hierarchy: " + String.join("; ", cgroups.notUsed()));
    }

    @AfterEach
    void nothingIsLeftOpen() {
        assertThat(Cgroups.open()).isEmpty();
    }

    @Test
    void aJvmUnderHalfACpuSeesOneProcessorSizesItsHeapFromTheLimitAndIsThrottled() throws Exception {
        Assumptions.assumeTrue(
                Runtime.getRuntime().availableProcessors() >= 2, "needs 2+ CPUs to tell a quota of 1 from the machine");
        Cgroup cgroup = cgroups.create("test-quota", HALF_CPU);
        List<String> dirs;
        JvmErgonomics seen;
        CgroupStats stats;
        boolean throttled;
        long wall;
        try (cgroup) {
            dirs = paths(cgroup);
            long start = System.nanoTime();
            // busy loops on as many threads as the machine has CPUs, until the quota has visibly bitten
            // and for at least a second (so that one period's slack does not blur the ratio below)
            ProcessBuilder pb = new ProcessBuilder(cgroup.wrap(probe("spin", Integer.toString(MACHINE_CPUS))));
            pb.environment().putAll(HALF_CPU.environment());
            Process spinner = pb.redirectErrorStream(true).start();
            throttled = awaitQuietly(
                    () -> cgroup.read().cpu().throttledPeriods() > 0 && System.nanoTime() - start > 1_000_000_000L,
                    THROTTLE_BOUND);
            spinner.getOutputStream().close();
            String out = new String(spinner.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(spinner.waitFor(1, TimeUnit.MINUTES)).isTrue();
            wall = System.nanoTime() - start;
            seen = JvmErgonomics.parse(out);
            stats = cgroup.read();
            assertThat(stats.cpu().usageNanos())
                    .as("CPU time under a 0.5-CPU quota over %d ms", wall / 1_000_000)
                    .isPositive()
                    .isLessThan((long) (wall * 0.75));
        }

        assertThat(seen.availableProcessors()).isEqualTo(1);
        assertThat(seen.gc()).isEqualTo("G1");
        // MaxRAMPercentage=30 of the 448 MiB limit, aligned: 136 MiB (the machine has GiBs)
        assertThat(seen.maxHeapBytes())
                .isEqualTo(HALF_CPU.expectedMaxHeapBytes())
                .isEqualTo(136 * MIB);
        assertThat(seen.carrierParallelism()).isEqualTo(1);
        assertThat(seen.eventLoopThreads()).isEqualTo(4);
        assertThat(stats.cpu().periods()).isGreaterThanOrEqualTo(stats.cpu().throttledPeriods());
        assertThat(stats.memory().limitBytes()).isEqualTo(448 * MIB);
        assertThat(stats.memory().oomKills()).isZero();
        assertThat(dirs).allSatisfy(d -> assertThat(Path.of(d)).doesNotExist());
        // A machine busy with other work may give the group less than its quota: then the quota never
        // binds, and that is no failure of the lab (the tiny-quota test below still proves throttling).
        if (!throttled && stats.cpu().usageNanos() <= wall * 0.4) {
            String why = String.format(
                    "machine too busy: the JVM got %.2f CPUs, below its 0.5 quota, so the quota never bound",
                    (double) stats.cpu().usageNanos() / wall);
            System.out.println("RealCgroupsTest: throttling check skipped: " + why);
            Assumptions.abort(why);
        }
        assertThat(stats.cpu().throttledPeriods()).isPositive();
        assertThat(stats.cpu().throttledNanos()).isPositive();
    }

    @Test
    void aBusyLoopUnderATinyQuotaIsThrottledEvenOnABusyMachine() throws Exception {
        // 20m = 2 ms per 100 ms period: far below what even a crowded machine gives one busy loop
        try (Cgroup cgroup = cgroups.create("test-throttle", new PodLimits(20, 64 * MIB, "", "test: 20m"))) {
            Process loop = new ProcessBuilder(cgroup.wrap(List.of("/bin/sh", "-c", "while :; do :; done"))).start();
            try {
                await(() -> cgroup.read().cpu().throttledPeriods() > 0);
            } finally {
                loop.destroyForcibly();
            }
            CgroupStats stats = cgroup.read();

            assertThat(stats.cpu().throttledPeriods()).isPositive();
            assertThat(stats.cpu().throttledShare()).isGreaterThan(0.0);
        }
    }

    @Test
    void aProcessPastItsMemoryLimitIsOomKilledAndReportedAsSuch(@TempDir Path logs) throws Exception {
        PodLimits small = new PodLimits(1000, 64 * MIB, "", "test: 64Mi");
        Cgroup cgroup = cgroups.create("test-oom", small);
        List<String> dirs = paths(cgroup);
        ManagedProcess p;
        try (ProcessGroup group = new ProcessGroup()) {
            // 200 MiB of touched native memory; the heap (and so direct-buffer) caps are lifted so only the cgroup
            // stops it
            List<String> cmd = new ArrayList<>(List.of(JAVA.toString(), "-Xmx32m", "-XX:MaxDirectMemorySize=1g"));
            cmd.addAll(probe("touch", "200").subList(1, probe("touch", "200").size()));
            p = group.start("oom", cmd, Map.of(), logs.resolve("oom.log"), cgroup);
            assertThat(p.waitFor(Duration.ofMinutes(1)))
                    .as("the process ends by itself")
                    .isPresent();

            Termination t = p.termination().orElseThrow();
            assertThat(t.oomKilled()).as(t.detail()).isTrue();
            assertThat(t.detail()).startsWith("OOM-killed by the 64Mi memory limit");
            assertThat(cgroup.read().memory().oomKills()).isPositive();
            assertThat(cgroup.read().memory().peakBytes()).isGreaterThan(60 * MIB);
        }
        // the group closed the cgroup; the last reading still tells the story
        assertThat(cgroup.isClosed()).isTrue();
        assertThat(p.termination().orElseThrow().oomKilled()).isTrue();
        assertThat(dirs).allSatisfy(d -> assertThat(Path.of(d)).doesNotExist());
    }

    @Test
    void aProcessThatExitsByItselfIsNotCalledOomKilled() throws Exception {
        try (Cgroup cgroup = cgroups.create("test-exit", HALF_CPU)) {
            Process p = new ProcessBuilder(cgroup.wrap(List.of("/bin/sh", "-c", "exit 3"))).start();
            assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();

            Termination t = cgroup.termination(p.exitValue());
            assertThat(t.kind()).isEqualTo(Termination.Kind.EXITED);
            assertThat(t.exitCode()).isEqualTo(3);
        }
    }

    @Test
    void closingKillsWhatIsLeftInsideAndRemovesTheCgroup() throws Exception {
        Cgroup cgroup = cgroups.create("test-close", HALF_CPU);
        Process sleeper = new ProcessBuilder(cgroup.wrap(List.of("sleep", "600"))).start();
        try {
            await(() -> cgroup.pids().contains(sleeper.pid()));
            List<String> dirs = paths(cgroup);

            cgroup.close();

            assertThat(sleeper.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(dirs).allSatisfy(d -> assertThat(Path.of(d)).doesNotExist());
        } finally {
            sleeper.destroyForcibly(); // only matters when the test failed
            cgroup.close();
        }
    }

    @Test
    void aSecondCgroupOfTheSameNameIsRefusedAndLeavesTheFirstAlone() throws Exception {
        try (Cgroup first = cgroups.create("test-dup", HALF_CPU)) {
            List<String> dirs = paths(first);

            assertThatThrownBy(() -> cgroups.create("test-dup", HALF_CPU))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("has a cgroup named test-dup already");
            assertThat(dirs).allSatisfy(d -> assertThat(Path.of(d)).isDirectory());
        }
    }

    @Test
    void ctrlCRemovesTheCgroupsAndTheirProcesses() throws Exception {
        Owner lab = Owner.start();

        lab.process.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hooks run

        assertThat(lab.process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(ProcessHandle.of(lab.sleeperPid).map(ProcessHandle::isAlive))
                .isNotEqualTo(java.util.Optional.of(true));
        assertThat(lab.dirs).allSatisfy(d -> assertThat(Path.of(d)).doesNotExist());
    }

    @Test
    void afterAKill9TheNextStartRemovesWhatTheLastOneLeft() throws Exception {
        Owner lab = Owner.start();

        lab.process.destroyForcibly(); // SIGKILL: no hook runs, the sleeper stays in the cgroup
        assertThat(lab.process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(lab.dirs).allSatisfy(d -> assertThat(Path.of(d)).exists());
        assertThat(ProcessHandle.of(lab.sleeperPid).map(ProcessHandle::isAlive)).contains(true);

        Cgroups next = Cgroups.detect();

        assertThat(next.staleRemoved())
                .anySatisfy(s -> assertThat(s).contains("stale").contains("killed 1"));
        await(() -> ProcessHandle.of(lab.sleeperPid).map(h -> !h.isAlive()).orElse(true));
        assertThat(lab.dirs).allSatisfy(d -> assertThat(Path.of(d)).doesNotExist());
    }

    /** A lab JVM ({@link StaleOwner}) that made a cgroup and runs a sleeper in it. */
    private record Owner(Process process, long sleeperPid, List<String> dirs) {
        static Owner start() throws IOException {
            Process p = new ProcessBuilder(
                            JAVA.toString(), "-cp", System.getProperty("java.class.path"), StaleOwner.class.getName())
                    .redirectErrorStream(true)
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("ready ") && !line.startsWith("failed")) {
                // JVM chatter
            }
            assertThat(line).as("the owner lab started").isNotNull().startsWith("ready ");
            String[] parts = line.split(" ");
            return new Owner(p, Long.parseLong(parts[1]), Arrays.asList(parts[2].split(",")));
        }
    }

    private static List<String> paths(Cgroup cgroup) {
        List<String> dirs = Arrays.stream(cgroup.location().split(", ")).toList();
        assertThat(dirs)
                .allSatisfy(d -> assertThat(Files.isDirectory(Path.of(d))).isTrue());
        return dirs;
    }

    private static List<String> probe(String action, String amount) {
        return List.of(
                JAVA.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                JvmErgonomics.class.getName(),
                action,
                amount);
    }

    /** Bounded so that a broken kernel feature fails the test instead of hanging it. */
    private static final Duration SPIN_BOUND = Duration.ofSeconds(30);
    /** On a quiet machine the quota bites in the first 100 ms period; on a crowded one it may never. */
    private static final Duration THROTTLE_BOUND = Duration.ofSeconds(5);

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        assertThat(awaitQuietly(condition, SPIN_BOUND)).isTrue();
    }

    private static boolean awaitQuietly(java.util.function.BooleanSupplier condition, Duration bound)
            throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
