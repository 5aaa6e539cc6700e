package lab.runner.sampling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One Prometheus scrape of an app, kept with its labels: the lab sums series, filters them by
 * label, and reads the server's latency histogram from its buckets. Series about Actuator itself
 * are dropped, so that the lab's own polling does not show up in the app's request figures.
 */
public final class Scrape {

    /** A scrape that failed or has not happened: every query answers "unknown". */
    public static final Scrape EMPTY = new Scrape(List.of());

    /** One sample line: metric name, labels, value. */
    public record Series(String name, Map<String, String> labels, double value) {

        public String label(String key) {
            return labels.getOrDefault(key, "");
        }
    }

    private final List<Series> series;
    private final Map<String, Double> sums = new HashMap<>();

    Scrape(List<Series> series) {
        this.series = List.copyOf(series);
        for (Series s : this.series) {
            sums.merge(s.name(), s.value(), Double::sum);
        }
    }

    public static Scrape parse(String text) {
        List<Series> all = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Series s = line(line);
            if (s != null && !s.label("uri").startsWith("/actuator") && !Double.isNaN(s.value())) {
                all.add(s);
            }
        }
        return new Scrape(all);
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    /** The sum of every series of that name; null when there is none. */
    public Double sum(String name) {
        return sums.get(name);
    }

    /** The sum of the series of that name whose labels match; null when none matches. */
    public Double sum(String name, Predicate<Series> filter) {
        Double total = null;
        for (Series s : series) {
            if (s.name().equals(name) && filter.test(s)) {
                total = (total == null ? 0 : total) + s.value();
            }
        }
        return total;
    }

    /** The highest value of the series of that name; null when there is none. */
    public Double max(String name) {
        Double best = null;
        for (Series s : series) {
            if (s.name().equals(name) && (best == null || s.value() > best)) {
                best = s.value();
            }
        }
        return best;
    }

    /**
     * The cumulative bucket counts of a histogram ({@code <name>_bucket}), summed over the series
     * that match, keyed by upper bound ({@code +Inf} last).
     */
    public TreeMap<Double, Double> buckets(String name, Predicate<Series> filter) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        String bucket = name + "_bucket";
        for (Series s : series) {
            if (s.name().equals(bucket) && filter.test(s)) {
                buckets.merge(number(s.label("le")), s.value(), Double::sum);
            }
        }
        return buckets;
    }

    /** Every series' sum by name (what the per-step "highest value" table shows). */
    public Map<String, Double> sums() {
        return new TreeMap<>(sums);
    }

    private static Series line(String line) {
        int brace = line.indexOf('{');
        int close = brace >= 0 ? line.lastIndexOf('}') : -1;
        int space = brace >= 0 ? line.indexOf(' ', close) : line.indexOf(' ');
        if (space < 0 || (brace >= 0 && close < 0)) {
            return null;
        }
        String name = (brace >= 0 ? line.substring(0, brace) : line.substring(0, space)).trim();
        Map<String, String> labels = brace >= 0 ? labels(line.substring(brace + 1, close)) : Map.of();
        String[] rest = line.substring(space + 1).trim().split("\\s+");
        return new Series(name, labels, number(rest[0]));
    }

    /** {@code a="x",b="y, z"}: values may hold commas and escaped quotes. */
    static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0 || eq + 1 >= text.length() || text.charAt(eq + 1) != '"') {
                break;
            }
            String key = text.substring(i, eq).trim();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (j < text.length() && text.charAt(j) != '"') {
                char c = text.charAt(j);
                if (c == '\\' && j + 1 < text.length()) {
                    char next = text.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                j++;
            }
            labels.put(key, value.toString());
            i = j + 1;
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
        }
        return labels;
    }

    static double number(String v) {
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    yield Double.NaN;
                }
            }
        };
    }
}
