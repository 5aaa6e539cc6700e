package lab.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.StreamSupport;
import lab.runrecord.ResultsJson;
import lab.runrecord.RunResults;
import lab.runrecord.VariantRun;
import tools.jackson.databind.JsonNode;

/**
 * How the two runs were set up, side by side: reproduction (commit, versions), environment (machine,
 * CPU split, pod limits, JVM flags), scenario, and for each variant present in both its launch, what
 * its JVM derived and the settings the app reported. Each setting is a dotted path into {@code
 * results.json} ({@code reproduce.versions.jdk}), so a reader can find it there.
 */
final class SetupDiff {

    /** When each run started and ended always differs: the header shows them instead. */
    private static final Set<String> SKIPPED =
            Set.of("environment.startedAt", "environment.finishedAt", "launch.cgroup");

    private static final String COMMAND_LINE = "reproduce.commandLine";

    static final String ABSENT = "(absent)";
    static final String EMPTY = "(none)";
    static final String UNKNOWN = "null";

    /** One setting in both runs; a value is {@link #ABSENT} when that run's file does not have it. */
    record Row(String key, String a, String b) {

        boolean differs() {
            return !Objects.equals(a, b);
        }
    }

    private SetupDiff() {}

    static List<Row> rows(RunResults a, RunResults b, List<String> sharedVariants) {
        Map<String, String> left = flatten(a, sharedVariants);
        Map<String, String> right = flatten(b, sharedVariants);
        List<Row> rows = new ArrayList<>();
        left.forEach((key, value) -> rows.add(new Row(key, value, right.getOrDefault(key, ABSENT))));
        right.forEach((key, value) -> {
            if (!left.containsKey(key)) {
                rows.add(new Row(key, ABSENT, value));
            }
        });
        return rows;
    }

    private static Map<String, String> flatten(RunResults run, List<String> variants) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("reproduce", ResultsJson.mapper().valueToTree(run.reproduce()), out);
        // the command line differs in every pair of runs (--out at least): listed last, after what matters
        String commandLine = out.remove(COMMAND_LINE);
        flatten("environment", ResultsJson.mapper().valueToTree(run.environment()), out);
        flatten("scenario", ResultsJson.mapper().valueToTree(run.scenario()), out);
        for (String name : variants) {
            VariantRun v = run.variant(name).orElseThrow();
            String prefix = "variants." + name;
            flatten(prefix + ".launch", ResultsJson.mapper().valueToTree(v.launch()), out);
            flatten(prefix + ".runtime", ResultsJson.mapper().valueToTree(v.runtime()), out);
            flatten(prefix + ".settings", v.settings(), out);
        }
        if (commandLine != null) {
            out.put(COMMAND_LINE, commandLine);
        }
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (SKIPPED.stream().anyMatch(path::endsWith)) {
            return;
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.put(path, UNKNOWN);
        } else if (node.isObject()) {
            node.properties().forEach(e -> flatten(path + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.put(path, EMPTY);
            } else if (StreamSupport.stream(node.spliterator(), false).allMatch(JsonNode::isValueNode)) {
                out.put(path, joined(node));
            } else {
                for (int i = 0; i < node.size(); i++) {
                    flatten(path + "[" + i + "]", node.get(i), out);
                }
            }
        } else {
            out.put(path, node.isString() ? node.stringValue() : node.toString());
        }
    }

    /** Flags and names joined by spaces, as on a command line; numbers by commas, as in a list. */
    private static String joined(JsonNode array) {
        List<String> parts = new ArrayList<>();
        boolean strings = true;
        for (JsonNode element : array) {
            strings &= element.isString();
            parts.add(element.isString() ? element.stringValue() : element.toString());
        }
        return String.join(strings ? " " : ", ", parts);
    }
}
