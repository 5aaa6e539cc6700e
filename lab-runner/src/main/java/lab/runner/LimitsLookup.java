package lab.runner;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.k8s.limits.ContainerLimits;
import lab.k8s.limits.OverlayLimits;

/**
 * {@code --limits tight|generous}: the app's CPU count and heap from the Kubernetes overlay
 * {@code k8s/overlays/limits-<name>}, so the laptop run emulates what the cluster deploys. taskset
 * can only give whole CPUs: a 500m limit becomes one pinned CPU (the JVM would also see one), so
 * CFS throttling below one CPU is not reproduced; the description says so.
 */
final class LimitsLookup {

    static final int DEFAULT_APP_CPUS = 1;
    private static final Pattern MAX_RAM_PERCENT = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;
    private static final double PERCENT = 100.0;

    /** What an overlay says for the app container. */
    record Applied(int appCpus, Integer heapMiB, String description) {}

    private LimitsLookup() {}

    static Applied resolve(Path root, String name, String variant) {
        if (name == null) {
            return new Applied(DEFAULT_APP_CPUS, null, null);
        }
        Map<String, ContainerLimits> all = OverlayLimits.read(root.resolve("k8s/overlays/limits-" + name));
        ContainerLimits limits =
                all.getOrDefault(variant, all.values().iterator().next());
        Integer heap = null;
        Matcher m = MAX_RAM_PERCENT.matcher(limits.javaToolOptions());
        if (m.find()) {
            heap = (int) (limits.memoryBytes() / BYTES_PER_MIB * Double.parseDouble(m.group(1)) / PERCENT);
        }
        String description = String.format(
                Locale.ROOT,
                "%s (k8s/overlays/limits-%s, %s): cpu %s -> %d pinned CPU(s)%s, memory %s%s",
                name,
                name,
                limits.variant(),
                limits.cpu(),
                limits.activeProcessorCount(),
                limits.cpuMillis() % 1000 == 0 ? "" : " (fractional CPU limits are not emulated: no CFS throttling)",
                limits.memory(),
                heap == null ? "" : " -> heap " + heap + " MiB (" + m.group(1) + " % of the limit)");
        return new Applied(limits.activeProcessorCount(), heap, description);
    }
}
