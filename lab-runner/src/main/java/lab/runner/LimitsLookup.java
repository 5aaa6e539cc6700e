package lab.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import lab.k8s.limits.ContainerLimits;
import lab.k8s.limits.OverlayLimits;
import lab.k8s.units.Quantities;
import lab.runner.cgroup.PodLimits;

/**
 * {@code --limits}: what each app's pod gets, as {@link PodLimits}. Three forms:
 *
 * <ul>
 *   <li>{@code tight}, {@code generous} (any {@code k8s/overlays/limits-<name>}): the app container's CPU
 *       and memory limits and {@code JAVA_TOOL_OPTIONS} from that overlay, read from its files (no
 *       kubectl needed; {@code OverlayReaderTest} in the k8s module proves it reads what kubectl renders);
 *   <li>{@code cpu=500m,memory=448Mi} (Kubernetes quantities): those limits with the JVM options of the
 *       base Deployment ({@code k8s/base}), as {@code kubectl set resources} on the base would give.
 * </ul>
 *
 * Bad input is an {@link IllegalArgumentException} with a one-line message naming the value and
 * what is accepted; {@code ./lab compare} turns it into exit status 2 before anything starts.
 */
public final class LimitsLookup {

    static final int DEFAULT_APP_CPUS = 1;
    /**
     * Below this an app JVM does not come up with room to serve: mvc-app and webflux-app (JDK 25, G1,
     * MaxRAMPercentage=30, cpu 500m) under a cgroup v1 memory limit were OOM-killed during start-up at
     * 128Mi and 160Mi; at 192Mi they started and served 200 requests (peak 176 and 184 MiB). 256Mi
     * leaves room for warm-up traffic.
     */
    static final long MIN_APP_MEMORY_BYTES = 256 * Quantities.MIB;

    static final String OVERLAYS = "k8s/overlays";
    static final String OVERLAY_PREFIX = "limits-";
    static final String BASE = "k8s/base";
    /** The variant whose limits apply to a variant the manifests do not deploy (mvc-10k runs the mvc-app image). */
    private static final String FALLBACK_VARIANT = "mvc";

    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    /** What today's pinned run takes from the limits, with the full {@link PodLimits} for a cgroup run. */
    record Applied(int appCpus, Integer heapMiB, String description, PodLimits pod) {}

    private LimitsLookup() {}

    /** The pod limits {@code spec} names for {@code variant}; null when {@code spec} is null (no --limits). */
    public static PodLimits podLimits(Path root, String spec, String variant) {
        if (spec == null) {
            return null;
        }
        String s = spec.strip();
        if (s.contains("=")) {
            return custom(root, s, variant);
        }
        List<String> names = overlayNames(root);
        if (!names.contains(s)) {
            throw new IllegalArgumentException("unknown --limits '" + spec + "': use " + accepted(names));
        }
        ContainerLimits limits =
                forVariant(OverlayLimits.read(root.resolve(OVERLAYS).resolve(OVERLAY_PREFIX + s)), variant);
        return new PodLimits(
                limits.cpuMillis(),
                limits.memoryBytes(),
                limits.javaToolOptions(),
                OVERLAYS + "/" + OVERLAY_PREFIX + s);
    }

    /** For today's pinned run: whole CPUs to pin and the heap the pod's JVM would size itself to. */
    static Applied resolve(Path root, String spec, String variant) {
        PodLimits pod = podLimits(root, spec, variant);
        if (pod == null) {
            return new Applied(DEFAULT_APP_CPUS, null, null, null);
        }
        int heapMiB = (int) (pod.expectedMaxHeapBytes() / BYTES_PER_MIB);
        String description = String.format(
                Locale.ROOT,
                "%s (%s, %s): %s -> %d pinned CPU(s)%s -> heap %d MiB (JAVA_TOOL_OPTIONS %s)",
                spec,
                pod.source(),
                variant,
                pod.describe(),
                pod.quotaCpus(),
                pod.cpuMillis() % 1000 == 0 ? "" : " (fractional CPU limits are not emulated: no CFS throttling)",
                heapMiB,
                pod.javaToolOptions().isEmpty() ? "(none)" : pod.javaToolOptions());
        return new Applied(pod.quotaCpus(), heapMiB, description, pod);
    }

    /** The overlays {@code --limits NAME} accepts: every {@code k8s/overlays/limits-NAME}. */
    static List<String> overlayNames(Path root) {
        try (Stream<Path> dirs = Files.list(root.resolve(OVERLAYS))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString())
                    .filter(n -> n.startsWith(OVERLAY_PREFIX))
                    .map(n -> n.substring(OVERLAY_PREFIX.length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static PodLimits custom(Path root, String spec, String variant) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            String key = kv[0].strip();
            if (kv.length != 2 || !(key.equals("cpu") || key.equals("memory")) || values.containsKey(key)) {
                throw new IllegalArgumentException(
                        "bad --limits '" + spec + "' at '" + part + "': use " + accepted(overlayNames(root)));
            }
            values.put(key, kv[1].strip());
        }
        if (values.size() != 2) {
            throw new IllegalArgumentException(
                    "--limits '" + spec + "' needs both cpu= and memory=, e.g. cpu=500m,memory=448Mi");
        }
        long cpuMillis = quantity("cpu", values.get("cpu"), "a CPU quantity such as 500m, 1 or 1.5");
        long memory = quantity("memory", values.get("memory"), "a memory quantity such as 448Mi or 1Gi");
        if (cpuMillis < PodLimits.MIN_CPU_MILLIS) {
            throw new IllegalArgumentException("--limits cpu=" + values.get("cpu") + " is below the smallest quota, "
                    + PodLimits.MIN_CPU_MILLIS + "m (1 ms per 100 ms period)");
        }
        if (memory < MIN_APP_MEMORY_BYTES) {
            throw new IllegalArgumentException("--limits memory=" + values.get("memory")
                    + " is below what a Spring Boot JVM starts in; use at least "
                    + MIN_APP_MEMORY_BYTES / Quantities.MIB + "Mi");
        }
        ContainerLimits base = forVariant(OverlayLimits.read(root.resolve(BASE)), variant);
        return new PodLimits(
                cpuMillis, memory, base.javaToolOptions(), "--limits " + spec + " (JVM options of " + BASE + ")");
    }

    private static long quantity(String key, String value, String expected) {
        try {
            return "memory".equals(key) ? Quantities.bytes(value) : Quantities.millicores(value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("--limits " + key + "=" + value + " is not " + expected);
        }
    }

    private static ContainerLimits forVariant(Map<String, ContainerLimits> all, String variant) {
        ContainerLimits limits = all.get(variant);
        if (limits == null) {
            limits = all.getOrDefault(FALLBACK_VARIANT, all.values().iterator().next());
        }
        return limits;
    }

    private static String accepted(List<String> overlays) {
        List<String> forms = new ArrayList<>(overlays);
        forms.add("cpu=<quantity>,memory=<quantity> (e.g. cpu=500m,memory=448Mi)");
        return String.join(", ", forms);
    }
}
