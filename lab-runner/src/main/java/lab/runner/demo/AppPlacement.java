package lab.runner.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.k8s.limits.ContainerLimits;
import lab.k8s.limits.OverlayLimits;
import lab.runner.process.CpuLayout;
import lab.runner.process.JvmFlags;

/**
 * Where and how each app of the demo runs. Without {@code --limits}: the same flags for every app,
 * nothing pinned. With {@code --limits NAME}: the heap and CPU count the overlay
 * {@code k8s/overlays/limits-NAME} gives the app's container, and each app pinned to CPUs of its
 * own (taskset) when the machine has enough, so one app's CPU use does not move the other's
 * figures. A CFS quota below one CPU and the memory limit itself need a cgroup: this emulation
 * says what it could not enforce.
 *
 * @param cpus the {@code taskset -c} list, or null for no pinning
 */
record AppPlacement(String cpus, List<String> jvmFlags, String description) {

    private static final Pattern MAX_RAM_PERCENT = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;
    private static final double PERCENT = 100.0;
    private static final String GC = "G1";

    /** Every app alike, unpinned (no {@code --limits}). */
    static Map<String, AppPlacement> unlimited(List<String> variants, int heapMiB) {
        int cpus = Runtime.getRuntime().availableProcessors();
        Map<String, AppPlacement> placements = new java.util.LinkedHashMap<>();
        for (String v : variants) {
            placements.put(
                    v,
                    new AppPlacement(
                            null, new JvmFlags(heapMiB, GC, cpus, false).toList(), "heap " + heapMiB + " MiB"));
        }
        return placements;
    }

    /** The overlay's limits per app, each app on CPUs of its own when there are enough. */
    static Map<String, AppPlacement> limited(Path root, String overlay, List<String> variants, boolean canPin) {
        Map<String, ContainerLimits> all = OverlayLimits.read(root.resolve("k8s/overlays/limits-" + overlay));
        List<Integer> allowed = allowedCpus();
        int needed = 0;
        Map<String, ContainerLimits> chosen = new java.util.LinkedHashMap<>();
        for (String v : variants) {
            ContainerLimits limits = all.getOrDefault(v, all.get(Variant.appOf(v)));
            if (limits == null) {
                throw new IllegalArgumentException("k8s/overlays/limits-" + overlay + " has no limits for " + v);
            }
            chosen.put(v, limits);
            needed += limits.activeProcessorCount();
        }
        boolean separate = canPin && needed <= allowed.size();
        Map<String, AppPlacement> placements = new java.util.LinkedHashMap<>();
        int next = 0;
        for (var e : chosen.entrySet()) {
            ContainerLimits limits = e.getValue();
            int cpus = limits.activeProcessorCount();
            String cpuList = null;
            if (separate) {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < cpus; i++) {
                    mine.add(Integer.toString(allowed.get(next++)));
                }
                cpuList = String.join(",", mine);
            }
            int heap = heapMiB(limits);
            placements.put(
                    e.getKey(),
                    new AppPlacement(
                            cpuList,
                            new JvmFlags(heap, GC, cpus, false).toList(),
                            String.format(
                                    Locale.ROOT,
                                    "limits-%s: cpu %s, memory %s -> %s, -XX:ActiveProcessorCount=%d, heap %d MiB "
                                            + "(emulated: %s; memory limit not enforced)",
                                    overlay,
                                    limits.cpu(),
                                    limits.memory(),
                                    cpuList == null
                                            ? "CPUs shared (not enough to give each app its own)"
                                            : "pinned to CPU " + cpuList,
                                    cpus,
                                    heap,
                                    limits.cpuMillis() % 1000 == 0 ? "taskset" : "taskset, no CFS quota below a CPU")));
        }
        return placements;
    }

    private static int heapMiB(ContainerLimits limits) {
        Matcher m = MAX_RAM_PERCENT.matcher(limits.javaToolOptions());
        double percent = m.find() ? Double.parseDouble(m.group(1)) : DEFAULT_RAM_PERCENT;
        return (int) (limits.memoryBytes() / BYTES_PER_MIB * percent / PERCENT);
    }

    /** The JVM's default MaxRAMPercentage, when the overlay does not set one. */
    private static final double DEFAULT_RAM_PERCENT = 25.0;

    private static List<Integer> allowedCpus() {
        CpuLayout layout = CpuLayout.detect(1);
        if (!layout.pinned()) {
            return layout.appCpus();
        }
        List<Integer> all = new ArrayList<>(layout.loadCpus());
        all.addAll(layout.appCpus());
        return all;
    }

    /** The overlays name containers by variant; the app of a variant is the fallback. */
    private static final class Variant {
        static String appOf(String variant) {
            return lab.runner.compare.Variant.named(variant).app();
        }
    }
}
