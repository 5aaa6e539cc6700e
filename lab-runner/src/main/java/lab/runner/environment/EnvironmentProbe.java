package lab.runner.environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.runrecord.Environment;

/** Collects the facts about this machine that a reader of the results needs. */
public final class EnvironmentProbe {

    private static final long KIB_PER_MIB = 1024;

    private EnvironmentProbe() {}

    /** This machine as results.json records it. */
    public static Environment.Machine machine() {
        return new Environment.Machine(
                System.getProperty("os.name") + " " + System.getProperty("os.arch") + osRelease(),
                System.getProperty("os.version"),
                procField(Path.of("/proc/cpuinfo"), "model name"),
                onlineCpus(),
                memTotalMiB(),
                nofileLimit(),
                System.getProperty("java.home"));
    }

    /**
     * The machine's CPUs ({@code processor} entries of /proc/cpuinfo): not this JVM's
     * availableProcessors, which shrinks once the runner pins itself to the load side.
     */
    public static int onlineCpus() {
        try {
            long n = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("processor"))
                    .count();
            return n > 0 ? (int) n : Runtime.getRuntime().availableProcessors();
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors();
        }
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

    public static long memTotalMiB() {
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
