package lab.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.runrecord.Environment;
import lab.runrecord.RunResults;
import lab.runrecord.VariantRun;
import tools.jackson.databind.JsonNode;

/**
 * Fairness made visible: every setting of every variant — how the runner launched it (jar,
 * profiles, arguments, each JVM flag), what its JVM derived (CPUs, heap, GC, pools), the app's own
 * settings as it reported them, and the pod limits — with the ones that differ between variants
 * first and the identical ones folded away.
 */
record FairnessTable(List<String> variants, List<Row> differing, List<Row> identical) {

    private static final String ABSENT = "(not set)";
    private static final Pattern MEMORY_FLAG = Pattern.compile("^(-X(?:mx|ms|ss|mn))(.+)$");
    private static final Pattern XX_BOOLEAN = Pattern.compile("^-XX:([+-])(.+)$");
    private static final Pattern KEY_VALUE = Pattern.compile("^(-XX:[^=]+|-D[^=]+)=(.*)$");

    record Row(String key, List<String> values) {

        /** The value of an identical row, shown once. */
        String value() {
            return values.isEmpty() ? "" : values.getFirst();
        }
    }

    static FairnessTable of(RunResults run) {
        List<Map<String, String>> perVariant =
                run.variants().stream().map(v -> settings(run, v)).toList();
        Set<String> keys = new LinkedHashSet<>();
        perVariant.forEach(flat -> keys.addAll(flat.keySet()));
        List<Row> differing = new ArrayList<>();
        List<Row> identical = new ArrayList<>();
        for (String key : keys) {
            List<String> values = perVariant.stream()
                    .map(flat -> flat.getOrDefault(key, ABSENT))
                    .toList();
            Row row = new Row(key, values);
            if (new HashSet<>(values).size() > 1) {
                differing.add(row);
            } else {
                identical.add(row);
            }
        }
        return new FairnessTable(Runs.names(run), List.copyOf(differing), List.copyOf(identical));
    }

    /** Everything that describes how one variant ran, flattened to "key → shown value", in a stable order. */
    static Map<String, String> settings(RunResults run, VariantRun variant) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("app", Fmt.text(variant.app()));
        all.put("model", Fmt.text(variant.model()));
        VariantRun.LaunchInfo launch = variant.launch();
        if (launch != null) {
            all.put("launch.jar", Fmt.text(launch.jar()));
            all.put("launch.profiles", list(launch.profiles()));
            all.put("launch.appArgs", list(launch.appArgs()));
            jvmFlags(launch.jvmFlags()).forEach((flag, value) -> all.put("jvm " + flag, value));
        }
        VariantRun.RuntimeInfo runtime = variant.runtime();
        if (runtime != null) {
            all.put("runtime.availableProcessors", Fmt.count(runtime.availableProcessors()));
            all.put(
                    "runtime.maxHeap (MiB)",
                    runtime.maxHeapBytes() == null ? Fmt.NONE : Fmt.count(runtime.maxHeapBytes() / Fmt.BYTES_PER_MIB));
            all.put("runtime.gc", runtime.gc() == null ? Fmt.NONE : list(runtime.gc()));
            all.put("runtime.maxThreads", Fmt.count(runtime.maxThreads()));
            all.put("runtime.eventLoopThreads", Fmt.count(runtime.eventLoopThreads()));
            all.put("runtime.virtualThreadParallelism", Fmt.count(runtime.virtualThreadParallelism()));
        }
        Runs.limits(run).ifPresent(limits -> podLimits(limits, all));
        Optional<Double> cgroupLimit = variant.steps().stream()
                .map(step -> Steps.median(step, Figures::memoryLimitMiB))
                .filter(value -> value != null)
                .findFirst();
        cgroupLimit.ifPresent(mib -> all.put("cgroup memory limit, measured (MiB)", Fmt.count(mib)));
        Map<String, String> app = new TreeMap<>();
        flatten("settings", variant.settings(), app);
        all.putAll(app);
        return all;
    }

    private static void podLimits(Environment.PodLimitsInfo limits, Map<String, String> all) {
        all.put("limits.source", Fmt.text(limits.source()));
        all.put("limits.cpu", Fmt.millicores(limits.cpuMillis()));
        all.put("limits.memory", Fmt.memoryLimit(limits.memoryBytes()));
        all.put("limits.mechanism", Fmt.text(limits.mechanism()));
        all.put("limits.enforced", Fmt.yesNo(limits.enforced()));
        all.put("limits.javaToolOptions", Fmt.text(limits.javaToolOptions()));
    }

    /** Each JVM flag as its own row: "-Xmx" → "1024m", "-XX:UseG1GC" → "on"; a repeated flag: the last wins, as in the JVM. */
    static Map<String, String> jvmFlags(List<String> flags) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String flag : flags) {
            Matcher memory = MEMORY_FLAG.matcher(flag);
            Matcher bool = XX_BOOLEAN.matcher(flag);
            Matcher keyValue = KEY_VALUE.matcher(flag);
            if (memory.matches()) {
                parsed.put(memory.group(1), memory.group(2));
            } else if (bool.matches()) {
                parsed.put("-XX:" + bool.group(2), "+".equals(bool.group(1)) ? "on" : "off");
            } else if (keyValue.matches()) {
                parsed.put(keyValue.group(1), keyValue.group(2));
            } else {
                parsed.put(flag, "set");
            }
        }
        return parsed;
    }

    /** Nested objects become dotted keys, arrays one joined value. */
    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(entry -> flatten(prefix + "." + entry.getKey(), entry.getValue(), into));
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isValueNode() ? item.asString() : item.toString()));
            into.put(prefix, list(items));
        } else {
            into.put(prefix, node.asString());
        }
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "none" : String.join(" ", values);
    }
}
