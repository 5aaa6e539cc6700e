package lab.runner.cgroup;

import static lab.runner.cgroup.CgroupFs.keyed;
import static lab.runner.cgroup.CgroupFs.readKeyed;
import static lab.runner.cgroup.CgroupFs.readLong;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A cgroup v2 app cgroup: {@code /sys/fs/cgroup/blocking-reactive-lab/<owner>/<name>}. */
final class V2Cgroup extends Cgroup {

    private static final long NANOS_PER_MICRO = 1000;

    private final Path dir;

    private V2Cgroup(String name, PodLimits limits, Path dir) {
        super(name, limits);
        this.dir = dir;
    }

    /**
     * Makes the directory (its parent must have {@code +cpu +memory} in {@code cgroup.subtree_control})
     * and sets {@code cpu.max}, {@code memory.max}, {@code memory.swap.max = 0} and
     * {@code memory.oom.group = 1} (the kubelet sets it too: an OOM kills the whole container).
     */
    static V2Cgroup create(String name, PodLimits limits, Path dir) throws IOException {
        V2Cgroup cgroup = new V2Cgroup(name, limits, dir);
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new IOException("this lab has a cgroup named " + name + " already: " + dir, e);
        }
        try {
            CgroupFs.write(dir.resolve("cpu.max"), limits.quotaMicros() + " " + PodLimits.PERIOD_MICROS);
            CgroupFs.write(dir.resolve("memory.max"), Long.toString(limits.memoryBytes()));
            Path swap = dir.resolve("memory.swap.max");
            if (Files.exists(swap)) { // absent when the kernel runs without swap accounting
                CgroupFs.write(swap, "0");
            }
            Path oomGroup = dir.resolve("memory.oom.group");
            if (Files.exists(oomGroup)) {
                CgroupFs.write(oomGroup, "1");
            }
            return cgroup;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(dir);
            throw e;
        }
    }

    @Override
    public Mechanism mechanism() {
        return Mechanism.CGROUP_V2;
    }

    @Override
    public String location() {
        return dir.toString();
    }

    @Override
    public List<String> wrap(List<String> command) {
        return shellWrapper(List.of(dir.resolve("cgroup.procs")), command);
    }

    @Override
    public boolean resetPeak() {
        return false;
    }

    @Override
    CgroupStats readNow() {
        return read(dir);
    }

    /** The v2 counters of any cgroup directory (also a systemd scope's). */
    static CgroupStats read(Path dir) {
        long now = System.nanoTime();
        Map<String, Long> cpuStat = readKeyed(dir.resolve("cpu.stat"));
        return new CgroupStats(
                now,
                new CgroupStats.Cpu(
                        micros(keyed(cpuStat, "usage_usec")),
                        keyed(cpuStat, "nr_periods"),
                        keyed(cpuStat, "nr_throttled"),
                        micros(keyed(cpuStat, "throttled_usec"))),
                new CgroupStats.Memory(
                        readLong(dir.resolve("memory.current")),
                        // memory.peak: Linux 5.19+
                        readLong(dir.resolve("memory.peak")),
                        readLong(dir.resolve("memory.max")),
                        keyed(readKeyed(dir.resolve("memory.events")), "oom_kill")));
    }

    private static long micros(long micros) {
        return micros < 0 ? micros : micros * NANOS_PER_MICRO;
    }

    @Override
    List<Long> pidsNow() {
        return CgroupFs.pids(dir);
    }

    @Override
    void killAll() {
        Path kill = dir.resolve("cgroup.kill"); // Linux 5.14+: SIGKILL to every process, atomically
        try {
            if (Files.exists(kill)) {
                CgroupFs.write(kill, "1");
                return;
            }
        } catch (IOException fallBack) {
            // kill one by one
        }
        super.killAll();
    }

    @Override
    void remove() throws IOException {
        Files.deleteIfExists(dir);
        Cgroups.removeIfEmpty(dir.getParent());
    }
}
