package lab.runner.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading and writing cgroup control files, and finding the cgroup mounts in {@code /proc/self/mountinfo}. */
final class CgroupFs {

    /** What the kernel writes for "no limit" in v2 files ({@code cpu.max}, {@code memory.max}). */
    static final String MAX = "max";

    private CgroupFs() {}

    /** A single-number file; {@code max} reads as {@link Long#MAX_VALUE}; absent or unreadable is {@link CgroupStats#UNKNOWN}. */
    static long readLong(Path file) {
        try {
            String text = Files.readString(file).strip();
            return MAX.equals(text) ? Long.MAX_VALUE : Long.parseLong(text);
        } catch (IOException | NumberFormatException e) {
            return CgroupStats.UNKNOWN;
        }
    }

    /** A flat-keyed file ({@code cpu.stat}, {@code memory.events}, {@code memory.oom_control}): "key value" lines. */
    static Map<String, Long> readKeyed(Path file) {
        Map<String, Long> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] kv = line.strip().split("\\s+");
                if (kv.length == 2) {
                    try {
                        values.put(kv[0], Long.parseLong(kv[1]));
                    } catch (NumberFormatException ignored) {
                        // not a counter
                    }
                }
            }
        } catch (IOException e) {
            // an absent file has no counters
        }
        return values;
    }

    static long keyed(Map<String, Long> values, String key) {
        return values.getOrDefault(key, CgroupStats.UNKNOWN);
    }

    static void write(Path file, String value) throws IOException {
        try {
            Files.writeString(file, value, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot write '" + value + "' to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The process ids in a cgroup ({@code cgroup.procs}); empty when it is gone. */
    static List<Long> pids(Path dir) {
        List<Long> pids = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                if (!line.isBlank()) {
                    pids.add(Long.parseLong(line.strip()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return pids;
    }

    /**
     * One line of {@code /proc/self/mountinfo} for a cgroup file system.
     *
     * @param root        the mount's root inside the hierarchy ({@code /} unless in a cgroup namespace or bind mount)
     * @param mountPoint  where it is mounted
     * @param version2    cgroup2 (else v1)
     * @param controllers v1: the controllers of this hierarchy ({@code cpu}, {@code cpuacct}, {@code memory})
     * @param readOnly    mounted read-only (as in most containers)
     */
    record Mount(String root, Path mountPoint, boolean version2, List<String> controllers, boolean readOnly) {}

    static List<Mount> mounts(Path mountinfo) {
        List<Mount> mounts = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(mountinfo);
        } catch (IOException e) {
            return mounts;
        }
        for (String line : lines) {
            // id parent major:minor root mountpoint options [optional...] - fstype source superoptions
            int dash = line.indexOf(" - ");
            if (dash < 0) {
                continue;
            }
            String[] before = line.substring(0, dash).split(" ");
            String[] after = line.substring(dash + 3).split(" ");
            if (before.length < 6 || after.length < 3) {
                continue;
            }
            String fsType = after[0];
            if (!fsType.equals("cgroup") && !fsType.equals("cgroup2")) {
                continue;
            }
            boolean readOnly = List.of(before[5].split(",")).contains("ro");
            List<String> controllers = fsType.equals("cgroup2") ? List.of() : List.of(after[2].split(","));
            mounts.add(new Mount(
                    unescape(before[3]),
                    Path.of(unescape(before[4])),
                    fsType.equals("cgroup2"),
                    controllers,
                    readOnly));
        }
        return mounts;
    }

    static Optional<Mount> v1Mount(List<Mount> mounts, String controller) {
        return mounts.stream()
                .filter(m -> !m.version2() && m.controllers().contains(controller))
                .findFirst();
    }

    /** mountinfo escapes space, tab, newline and backslash as octal. */
    private static String unescape(String s) {
        return s.replace("\\040", " ")
                .replace("\\011", "\t")
                .replace("\\012", "\n")
                .replace("\\134", "\\");
    }
}
