package lab.runner.cgroup;

import static lab.runner.cgroup.CgroupFs.keyed;
import static lab.runner.cgroup.CgroupFs.readKeyed;
import static lab.runner.cgroup.CgroupFs.readLong;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cgroup v1 app cgroup: one directory per hierarchy ({@code cpu}, {@code cpuacct}, {@code memory};
 * co-mounted controllers share one), {@code <mount>/blocking-reactive-lab/<owner>/<name>}.
 */
final class V1Cgroup extends Cgroup {

    /** The v1 controllers the lab uses; cpuacct only for CPU usage (optional). */
    static final List<String> CONTROLLERS = List.of("cpu", "cpuacct", "memory");

    private final Map<String, Path> dirs;

    /** {@code dirs}: controller to this cgroup's directory in that controller's hierarchy. */
    private V1Cgroup(String name, PodLimits limits, Map<String, Path> dirs) {
        super(name, limits);
        this.dirs = Map.copyOf(dirs);
    }

    /** Makes the directories and sets the quota, the memory limit and swap off; removes them again on failure. */
    static V1Cgroup create(String name, PodLimits limits, Map<String, Path> dirs) throws IOException {
        V1Cgroup cgroup = new V1Cgroup(name, limits, dirs);
        List<Path> made = new java.util.ArrayList<>();
        try {
            for (Path dir : cgroup.distinctDirs()) {
                Files.createDirectories(dir.getParent());
                try {
                    Files.createDirectory(dir);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    throw new IOException("this lab has a cgroup named " + name + " already: " + dir, e);
                }
                made.add(dir);
            }
            Path cpu = dirs.get("cpu");
            CgroupFs.write(cpu.resolve("cpu.cfs_period_us"), Long.toString(PodLimits.PERIOD_MICROS));
            CgroupFs.write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(limits.quotaMicros()));
            Path memory = dirs.get("memory");
            // limit first: memsw must never be below it, and both start unlimited
            CgroupFs.write(memory.resolve("memory.limit_in_bytes"), Long.toString(limits.memoryBytes()));
            Path memsw = memory.resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(memsw)) {
                // memory + swap = memory: no swap, as in a pod
                CgroupFs.write(memsw, Long.toString(limits.memoryBytes()));
            } else {
                // swap accounting is off (swapaccount=0): at least tell reclaim not to swap this cgroup
                CgroupFs.write(memory.resolve("memory.swappiness"), "0");
            }
            return cgroup;
        } catch (IOException | RuntimeException e) {
            removeQuietly(made); // only what this call made: a same-named cgroup stays
            throw e;
        }
    }

    @Override
    public Mechanism mechanism() {
        return Mechanism.CGROUP_V1;
    }

    @Override
    public String location() {
        return distinctDirs().stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    @Override
    public List<String> wrap(List<String> command) {
        return shellWrapper(
                distinctDirs().stream().map(d -> d.resolve("cgroup.procs")).toList(), command);
    }

    @Override
    public boolean resetPeak() {
        try {
            CgroupFs.write(dirs.get("memory").resolve("memory.max_usage_in_bytes"), "0");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    CgroupStats readNow() {
        long now = System.nanoTime();
        Map<String, Long> cpuStat = readKeyed(dirs.get("cpu").resolve("cpu.stat"));
        Path cpuacct = dirs.get("cpuacct");
        long usage = cpuacct == null ? CgroupStats.UNKNOWN : readLong(cpuacct.resolve("cpuacct.usage"));
        Path memory = dirs.get("memory");
        return new CgroupStats(
                now,
                new CgroupStats.Cpu(
                        usage,
                        keyed(cpuStat, "nr_periods"),
                        keyed(cpuStat, "nr_throttled"),
                        keyed(cpuStat, "throttled_time")),
                new CgroupStats.Memory(
                        readLong(memory.resolve("memory.usage_in_bytes")),
                        readLong(memory.resolve("memory.max_usage_in_bytes")),
                        readLong(memory.resolve("memory.limit_in_bytes")),
                        // oom_kill appeared in memory.oom_control with Linux 4.13
                        keyed(readKeyed(memory.resolve("memory.oom_control")), "oom_kill")));
    }

    @Override
    List<Long> pidsNow() {
        Set<Long> pids = new LinkedHashSet<>();
        distinctDirs().forEach(d -> pids.addAll(CgroupFs.pids(d)));
        return List.copyOf(pids);
    }

    @Override
    void remove() throws IOException {
        IOException failure = null;
        for (Path dir : distinctDirs()) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
            Cgroups.removeIfEmpty(dir.getParent());
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void removeQuietly(List<Path> dirs) {
        for (Path dir : dirs) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // reported by the caller's exception
            }
            Cgroups.removeIfEmpty(dir.getParent());
        }
    }

    private List<Path> distinctDirs() {
        return CONTROLLERS.stream()
                .map(dirs::get)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }
}
