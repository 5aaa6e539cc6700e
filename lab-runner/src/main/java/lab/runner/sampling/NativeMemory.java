package lab.runner.sampling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thread memory from Native Memory Tracking ({@code jcmd <pid> VM.native_memory summary}): how
 * many threads, and how much stack is reserved (address space: {@code -Xss} per thread) versus
 * committed (pages really touched, what counts towards RSS and a container's memory limit).
 */
public record NativeMemory(
        int threads,
        double stackReservedMiB,
        double stackCommittedMiB,
        double threadReservedMiB,
        double threadCommittedMiB) {

    private static final Pattern THREAD = Pattern.compile("-\\s+Thread \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
    private static final Pattern COUNT = Pattern.compile("\\(threads? #(\\d+)\\)");
    private static final Pattern STACK = Pattern.compile("\\(stack: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final double KIB_PER_MIB = 1024.0;
    private static final long JCMD_TIMEOUT_S = 60;

    /** Runs jcmd (of the same JDK), pinned to {@code cpus} unless null; empty when NMT is off or jcmd fails. */
    public static Optional<NativeMemory> read(Path jcmd, long pid, String cpus) {
        try {
            java.util.List<String> cmd = new java.util.ArrayList<>();
            if (cpus != null) {
                cmd.addAll(java.util.List.of("taskset", "-c", cpus));
            }
            cmd.addAll(
                    java.util.List.of(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary", "scale=KB"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(JCMD_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return parse(text);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<NativeMemory> parse(String text) {
        Matcher thread = THREAD.matcher(text);
        if (!thread.find()) {
            return Optional.empty();
        }
        String rest = text.substring(thread.end());
        Matcher count = COUNT.matcher(rest);
        Matcher stack = STACK.matcher(rest);
        if (!count.find() || !stack.find()) {
            return Optional.empty();
        }
        return Optional.of(new NativeMemory(
                Integer.parseInt(count.group(1)),
                Long.parseLong(stack.group(1)) / KIB_PER_MIB,
                Long.parseLong(stack.group(2)) / KIB_PER_MIB,
                Long.parseLong(thread.group(1)) / KIB_PER_MIB,
                Long.parseLong(thread.group(2)) / KIB_PER_MIB));
    }
}
