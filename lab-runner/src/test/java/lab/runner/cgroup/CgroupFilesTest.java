package lab.runner.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file formats, as the kernel writes them (copied from a Linux 6.18 machine: cgroup v1 here, v2
 * from the kernel's cgroup-v2 documentation), read without root.
 */
class CgroupFilesTest {

    private static final long MIB = 1024L * 1024;

    @Test
    void findsTheV1HierarchiesAndTheV2MountInMountinfo(@TempDir Path dir) throws IOException {
        Path mountinfo = dir.resolve("mountinfo");
        Files.writeString(mountinfo, """
                31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
                32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
                33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
                35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
                40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
                41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
                50 31 0:40 / /sys/fs/cgroup/cpu,cpuacct ro,nosuid shared:9 - cgroup cgroup rw,cpu,cpuacct
                """);

        List<CgroupFs.Mount> mounts = CgroupFs.mounts(mountinfo);

        assertThat(mounts).hasSize(6);
        assertThat(CgroupFs.v1Mount(mounts, "memory").orElseThrow().mountPoint())
                .isEqualTo(Path.of("/sys/fs/cgroup/memory"));
        assertThat(CgroupFs.v1Mount(mounts, "cpu").orElseThrow().readOnly()).isFalse();
        assertThat(mounts.getLast().controllers()).containsExactly("rw", "cpu", "cpuacct");
        assertThat(mounts.getLast().readOnly()).isTrue();
        assertThat(mounts.stream().filter(CgroupFs.Mount::version2).map(CgroupFs.Mount::mountPoint))
                .containsExactly(Path.of("/sys/fs/cgroup/unified"));
    }

    @Test
    void readsV2Counters(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cpu.stat"), """
                usage_usec 2000000
                user_usec 1500000
                system_usec 500000
                nr_periods 40
                nr_throttled 12
                throttled_usec 700000
                nr_bursts 0
                burst_usec 0
                """);
        Files.writeString(dir.resolve("memory.current"), "104857600\n");
        Files.writeString(dir.resolve("memory.peak"), "209715200\n");
        Files.writeString(dir.resolve("memory.max"), "max\n");
        Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 17\noom 2\noom_kill 1\noom_group_kill 1\n");

        CgroupStats s = V2Cgroup.read(dir);

        assertThat(s.cpu()).isEqualTo(new CgroupStats.Cpu(2_000_000_000L, 40, 12, 700_000_000L));
        assertThat(s.cpu().throttledShare()).isEqualTo(0.3);
        assertThat(s.memory()).isEqualTo(new CgroupStats.Memory(100 * MIB, 200 * MIB, Long.MAX_VALUE, 1));
    }

    @Test
    void aCounterTheKernelDoesNotHaveIsUnknownNotZero(@TempDir Path dir) {
        CgroupStats s = V2Cgroup.read(dir);

        assertThat(s.memory().peakBytes()).isEqualTo(CgroupStats.UNKNOWN);
        assertThat(s.cpu().throttledShare()).isNaN();
    }

    @Test
    void deltasBetweenTwoReadingsKeepThePeakAndCountOnlyNewKills() {
        CgroupStats before = new CgroupStats(
                1_000_000_000L,
                new CgroupStats.Cpu(500_000_000L, 10, 2, 30_000_000L),
                new CgroupStats.Memory(100 * MIB, 150 * MIB, 448 * MIB, 0));
        CgroupStats after = new CgroupStats(
                3_000_000_000L,
                new CgroupStats.Cpu(1_500_000_000L, 30, 12, 530_000_000L),
                new CgroupStats.Memory(120 * MIB, 300 * MIB, 448 * MIB, 1));

        CgroupStats step = after.minus(before);

        assertThat(step.nanoTime()).isEqualTo(2_000_000_000L);
        assertThat(step.cpusUsed()).isEqualTo(0.5);
        assertThat(step.cpu()).isEqualTo(new CgroupStats.Cpu(1_000_000_000L, 20, 10, 500_000_000L));
        assertThat(step.cpu().throttledShare()).isEqualTo(0.5);
        assertThat(step.memory()).isEqualTo(new CgroupStats.Memory(120 * MIB, 300 * MIB, 448 * MIB, 1));
        assertThat(step.memory().peakShare()).isCloseTo(300.0 / 448, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aSigkillWithAnOomKillInTheCgroupIsAnOomKillAnythingElseIsNot() {
        PodLimits limits = new PodLimits(500, 448 * MIB, "", "test");
        CgroupStats oom =
                new CgroupStats(0, new CgroupStats.Cpu(0, 0, 0, 0), new CgroupStats.Memory(0, 448 * MIB, 448 * MIB, 1));
        CgroupStats clean =
                new CgroupStats(0, new CgroupStats.Cpu(0, 0, 0, 0), new CgroupStats.Memory(0, 100 * MIB, 448 * MIB, 0));

        assertThat(Termination.of(137, oom, limits).detail())
                .isEqualTo("OOM-killed by the 448Mi memory limit (peak 448.0 MiB)");
        assertThat(Termination.of(137, clean, limits).kind()).isEqualTo(Termination.Kind.KILLED);
        assertThat(Termination.of(143, clean, limits).detail()).isEqualTo("killed by signal 15");
        // -XX:+ExitOnOutOfMemoryError: the JVM's own heap OOM, not the kernel's
        assertThat(Termination.of(3, oom, limits).kind()).isEqualTo(Termination.Kind.EXITED);
    }

    @Test
    void podLimitsSpeakKubernetes() {
        PodLimits tight = new PodLimits(500, 448 * MIB, " -XX:MaxRAMPercentage=30 ", "k8s/overlays/limits-tight");

        assertThat(tight.describe()).isEqualTo("cpu 500m, memory 448Mi");
        assertThat(tight.quotaMicros()).isEqualTo(50_000);
        assertThat(tight.cpuQuotaPercent()).isEqualTo("50%");
        assertThat(new PodLimits(125, 2048 * MIB, "", "").cpuQuotaPercent()).isEqualTo("12.5%");
        assertThat(new PodLimits(2000, 2048 * MIB, "", "").describe()).isEqualTo("cpu 2, memory 2Gi");
        assertThat(tight.environment()).containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=30");
        assertThat(tight.emulationJvmArgs()).containsExactly("-XX:ActiveProcessorCount=1", "-XX:MaxRAM=469762048");
        assertThat(new PodLimits(4000, 2048 * MIB, "", "").unenforceable(2, 1024 * MIB))
                .hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("limits.cpu 4 is more than the 2 CPU(s)"));
        assertThat(tight.unenforceable(2, 1024 * MIB)).isEmpty();
    }

    @Test
    void theSystemdScopeCarriesTheSameLimits() {
        PodLimits tight = new PodLimits(500, 448 * MIB, "", "");

        assertThat(SystemdScope.runCommand("blocking-reactive-lab-1-2-mvc", tight))
                .containsSubsequence("systemd-run", "--user", "--scope", "--unit=blocking-reactive-lab-1-2-mvc")
                .contains("CPUQuota=50%", "CPUQuotaPeriodSec=100ms", "MemoryMax=469762048", "MemorySwapMax=0");
    }

    @Test
    void theWrapperEntersEveryHierarchyThenExecsTheCommand() {
        List<String> cmd = Cgroup.shellWrapper(
                List.of(Path.of("/cg/cpu/x/cgroup.procs"), Path.of("/cg/memory/x/cgroup.procs")),
                List.of("taskset", "-c", "1", "java", "-jar", "app.jar"));

        assertThat(cmd.subList(0, 2)).containsExactly("/bin/sh", "-c");
        assertThat(cmd.get(2))
                .contains("echo $$ > /cg/cpu/x/cgroup.procs", "echo $$ > /cg/memory/x/cgroup.procs")
                .endsWith("exec \"$@\"");
        assertThat(cmd.subList(4, cmd.size())).containsExactly("taskset", "-c", "1", "java", "-jar", "app.jar");
    }

    @Test
    void cpusetIsNotCpu() {
        assertThat(Cgroups.hasCpuAndMemory("cpuset cpu io memory hugetlb pids rdma misc\n"))
                .isTrue();
        assertThat(Cgroups.hasCpuAndMemory("cpuset io memory pids")).isFalse();
        assertThat(Cgroups.hasCpuAndMemory("")).isFalse();
    }

    @Test
    void aLabThatIsGoneIsNotAnOwner() {
        String me = Cgroups.ownerOf(ProcessHandle.current().pid()).orElseThrow();

        assertThat(Cgroups.ownerAlive(me)).isTrue();
        // same pid, another start time: the pid was reused
        assertThat(Cgroups.ownerAlive(ProcessHandle.current().pid() + "-1")).isFalse();
        assertThat(Cgroups.ownerAlive("not-an-owner")).isFalse();
    }
}
