package lab.runner.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import lab.runner.output.Environment;
import lab.runner.process.CpuLayout;

/** Collects the facts about this machine that a reader of the results needs. */
public final class EnvironmentProbe {

    private static final long KIB_PER_MIB = 1024;

    private EnvironmentProbe() {}

    public static Environment describe(
            CpuLayout layout,
            String pinning,
            List<String> appFlags,
            List<String> stubFlags,
            List<String> gatlingFlags,
            Instant started,
            Instant finished) {
        return new Environment(
                System.getProperty("java.version"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.vm.name"),
                System.getProperty("java.home"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch") + osRelease(),
                System.getProperty("os.version"),
                procField(Path.of("/proc/cpuinfo"), "model name"),
                Runtime.getRuntime().availableProcessors(),
                layout.appCpus(),
                layout.loadCpus(),
                layout.pinned(),
                pinning,
                nofileLimit(),
                memTotalMiB(),
                appFlags,
                stubFlags,
                gatlingFlags,
                started.toString(),
                finished == null ? null : finished.toString());
    }

    /** The soft open-file limit of this process (children inherit it). */
    public static long nofileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] parts =
                            line.substring("Max open files".length()).trim().split("\\s+");
                    return "unlimited".equals(parts[0]) ? Long.MAX_VALUE : Long.parseLong(parts[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return -1;
    }

    static long memTotalMiB() {
        String kib = procField(Path.of("/proc/meminfo"), "MemTotal");
        try {
            return kib == null ? -1 : Long.parseLong(kib.replace("kB", "").trim()) / KIB_PER_MIB;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String osRelease() {
        String pretty = null;
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    pretty = line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return pretty == null ? "" : " (" + pretty + ")";
    }

    private static String procField(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return null;
    }
}
