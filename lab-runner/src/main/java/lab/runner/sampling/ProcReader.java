package lab.runner.sampling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads {@code /proc/<pid>/status} and {@code /proc/<pid>/stat} (Linux only). */
public final class ProcReader {

    /** Fields 14 and 15 of {@code stat} (utime, stime), counted from the field after the command name. */
    private static final int UTIME_AFTER_COMM = 11;

    private static final int STIME_AFTER_COMM = 12;
    private static final double DEFAULT_CLOCK_TICKS = 100;

    private final Path proc;
    private final double ticksPerSecond;

    public ProcReader() {
        this(Path.of("/proc"), clockTicks());
    }

    ProcReader(Path proc, double ticksPerSecond) {
        this.proc = proc;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** Empty when the process is gone or /proc cannot be read. */
    public Optional<ProcStats> read(long pid) {
        try {
            Path dir = proc.resolve(Long.toString(pid));
            return Optional.of(parse(Files.readString(dir.resolve("status")), Files.readString(dir.resolve("stat"))));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    ProcStats parse(String status, String stat) {
        int threads = 0;
        long rss = 0;
        long voluntary = 0;
        long involuntary = 0;
        for (String line : status.split("\n")) {
            if (line.startsWith("Threads:")) {
                threads = (int) number(line);
            } else if (line.startsWith("VmRSS:")) {
                rss = number(line);
            } else if (line.startsWith("voluntary_ctxt_switches:")) {
                voluntary = number(line);
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                involuntary = number(line);
            }
        }
        // The command name may contain spaces and parentheses: fields are counted after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long ticks = Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[STIME_AFTER_COMM]);
        return new ProcStats(threads, rss, ticks / ticksPerSecond, voluntary, involuntary);
    }

    /**
     * Context switches (voluntary + involuntary) summed over every live thread of the process: the
     * {@code status} file of a process counts its main thread only. Threads that already ended are
     * missing from the sum, so read this while the threads of interest are alive.
     */
    public long contextSwitchesAllThreads(long pid) {
        Path tasks = proc.resolve(Long.toString(pid)).resolve("task");
        long sum = 0;
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")
                                || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            sum += number(line);
                        }
                    }
                } catch (IOException threadEnded) {
                    // it ended between listing and reading
                }
            }
        } catch (IOException gone) {
            return -1;
        }
        return sum;
    }

    /** Ids of the process's threads whose name ({@code comm}) matches; empty when unreadable. */
    public java.util.List<Long> threadIds(long pid, java.util.function.Predicate<String> name) {
        Path tasks = proc.resolve(Long.toString(pid)).resolve("task");
        java.util.List<Long> ids = new java.util.ArrayList<>();
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                try {
                    if (name.test(Files.readString(task.resolve("comm")).trim())) {
                        ids.add(Long.parseLong(task.getFileName().toString()));
                    }
                } catch (IOException | NumberFormatException threadEnded) {
                    // it ended between listing and reading
                }
            }
        } catch (IOException gone) {
            return java.util.List.of();
        }
        return ids;
    }

    /** User + system CPU seconds of those threads of the process (threads that ended count 0). */
    public double threadCpuSeconds(long pid, java.util.Collection<Long> tids) {
        long ticks = 0;
        Path tasks = proc.resolve(Long.toString(pid)).resolve("task");
        for (long tid : tids) {
            try {
                String stat = Files.readString(tasks.resolve(Long.toString(tid)).resolve("stat"));
                String[] fields =
                        stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                ticks += Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[STIME_AFTER_COMM]);
            } catch (IOException | RuntimeException threadEnded) {
                // gone: its time is lost with it
            }
        }
        return ticks / ticksPerSecond;
    }

    /**
     * CPU time (seconds) that {@code cpus} spent busy so far, whoever ran on them: user, nice,
     * system and steal from {@code /proc/stat}. Interrupt time is left out: loopback network work
     * for the app's own sockets lands there, and it is not noise. Negative when unreadable.
     */
    public double busySeconds(java.util.Collection<Integer> cpus) {
        try {
            return busySeconds(Files.readString(proc.resolve("stat")), cpus);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    double busySeconds(String stat, java.util.Collection<Integer> cpus) {
        long ticks = 0;
        for (String line : stat.split("\n")) {
            if (!line.startsWith("cpu") || line.startsWith("cpu ")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (cpus.contains(Integer.parseInt(f[0].substring(3)))) {
                // fields: user nice system idle iowait irq softirq steal
                ticks += Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[8]);
            }
        }
        return ticks / ticksPerSecond;
    }

    private static long number(String line) {
        String value = line.substring(line.indexOf(':') + 1).trim();
        int space = value.indexOf(' ');
        return Long.parseLong(space < 0 ? value : value.substring(0, space));
    }

    static double clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            List<String> out =
                    new String(p.getInputStream().readAllBytes()).lines().toList();
            p.waitFor();
            return out.isEmpty()
                    ? DEFAULT_CLOCK_TICKS
                    : Double.parseDouble(out.getFirst().trim());
        } catch (IOException | NumberFormatException e) {
            return DEFAULT_CLOCK_TICKS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_CLOCK_TICKS;
        }
    }
}
