package lab.dashboard.scrape;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One scrape of an {@code /actuator/prometheus}: counters and gauges by family name, timers by
 * family name, and when it was received.
 *
 * @param nanos {@link System#nanoTime()} when the answer arrived: rates divide by the time between
 *     two scrapes
 */
record Scrape(long nanos, Map<String, List<Value>> values, Map<String, List<Distribution>> distributions) {

    /** A counter, gauge or untyped sample. */
    record Value(Map<String, String> labels, double value) {}

    /** The sum of every sample of {@code family}, or null when the family is absent. */
    Double sum(String family) {
        return sum(family, v -> true);
    }

    Double sum(String family, Predicate<Value> which) {
        List<Value> list = values.get(family);
        if (list == null || list.isEmpty()) {
            return null;
        }
        return list.stream().filter(which).mapToDouble(Value::value).sum();
    }

    List<Distribution> distributions(String family) {
        return distributions.getOrDefault(family, List.of());
    }
}
