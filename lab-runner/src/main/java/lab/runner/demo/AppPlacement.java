package lab.runner.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.runner.LimitsLookup;
import lab.runner.cgroup.Cgroup;
import lab.runner.cgroup.Cgroups;
import lab.runner.cgroup.PodLimits;
import lab.runner.process.JvmFlags;

/**
 * How each app of the demo runs. Without {@code --limits}: the same flags for every app, nothing
 * pinned. With {@code --limits}: each app in its own cgroup with its pod's CPU quota and memory
 * limit and the pod's JVM options, as pods share a node (the quotas keep one app's CPU use from
 * moving the other's figures); where no cgroup can be made, the limits are emulated with JVM flags
 * and the description says nothing is enforced.
 *
 * @param pod the pod limits, null without {@code --limits}
 */
record AppPlacement(List<String> jvmFlags, PodLimits pod, boolean enforced, String description) {

    private static final String GC = "G1";

    /** Every app alike (no {@code --limits}). */
    static Map<String, AppPlacement> unlimited(List<String> variants, int heapMiB) {
        int cpus = Runtime.getRuntime().availableProcessors();
        Map<String, AppPlacement> placements = new LinkedHashMap<>();
        for (String v : variants) {
            placements.put(
                    v,
                    new AppPlacement(
                            new JvmFlags(heapMiB, GC, cpus, false).toList(), null, false, "heap " + heapMiB + " MiB"));
        }
        return placements;
    }

    /** Each app's pod limits from {@code --limits} (an overlay name or {@code cpu=…,memory=…}). */
    static Map<String, AppPlacement> limited(Path root, String limits, List<String> variants, Cgroups cgroups) {
        Map<String, AppPlacement> placements = new LinkedHashMap<>();
        for (String v : variants) {
            PodLimits pod = LimitsLookup.podLimits(root, limits, v);
            placements.put(
                    v,
                    cgroups.enforced()
                            ? new AppPlacement(
                                    List.of(), pod, true, pod.describe() + " enforced (" + cgroups.description() + ")")
                            : new AppPlacement(
                                    pod.emulationJvmArgs(),
                                    pod,
                                    false,
                                    pod.describe() + " emulated, not enforced: "
                                            + String.join("; ", cgroups.notUsed())));
        }
        return placements;
    }

    /** The app's cgroup, made now; null when the limits are not enforced (or there are none). */
    Cgroup cgroup(Cgroups cgroups, String name) throws IOException {
        return enforced ? cgroups.create(name, pod) : null;
    }
}
