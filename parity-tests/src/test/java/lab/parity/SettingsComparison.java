package lab.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Compares two apps' flattened {@code lab} info sections key by key. Every key must hold the same
 * value in both, or be missing from neither, unless the concurrency model itself makes it differ
 * ({@code mayDiffer}).
 */
final class SettingsComparison {

    /** One key whose values differ; {@code null} where a side lacks the key. */
    record Difference(String key, String left, String right) {

        @Override
        public String toString() {
            return key + ": " + left + " vs " + right;
        }
    }

    private SettingsComparison() {}

    static List<Difference> differences(
            Map<String, String> left, Map<String, String> right, Predicate<String> mayDiffer) {
        Set<String> keys = new TreeSet<>(left.keySet());
        keys.addAll(right.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String key : keys) {
            String l = left.get(key);
            String r = right.get(key);
            if (!mayDiffer.test(key) && (l == null || !l.equals(r))) {
                differences.add(new Difference(key, l, r));
            }
        }
        return differences;
    }
}
