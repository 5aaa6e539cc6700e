package lab.runner.process;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags every app and the stub get, identical across variants so that only the concurrency
 * model differs. G1 is chosen explicitly because ergonomics would silently pick Serial for a JVM
 * that sees one CPU, and production services usually run G1.
 */
public record JvmFlags(int heapMiB, String gc, int activeProcessors, boolean nativeMemoryTracking) {

    public JvmFlags {
        if (heapMiB < 16) {
            throw new IllegalArgumentException("heap must be at least 16 MiB, got " + heapMiB);
        }
        if (!List.of("G1", "Serial", "Parallel").contains(gc)) {
            throw new IllegalArgumentException("gc must be G1, Serial or Parallel, got " + gc);
        }
        if (activeProcessors < 1) {
            throw new IllegalArgumentException("activeProcessors must be at least 1");
        }
    }

    public List<String> toList() {
        List<String> flags = new ArrayList<>(List.of(
                "-Xms" + heapMiB + "m",
                "-Xmx" + heapMiB + "m",
                "-XX:+Use" + gc + "GC",
                "-XX:ActiveProcessorCount=" + activeProcessors,
                "-XX:+ExitOnOutOfMemoryError"));
        if (nativeMemoryTracking) {
            flags.add("-XX:NativeMemoryTracking=summary");
        }
        return flags;
    }
}
