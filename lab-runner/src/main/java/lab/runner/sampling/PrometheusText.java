package lab.runner.sampling;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the Prometheus text exposition format just enough for the lab: each kept metric name maps
 * to the sum of its samples over all label sets. Histogram buckets are skipped (only {@code _sum}
 * and {@code _count} are kept), and so are samples about Actuator itself, so that the lab's own
 * polling does not show up in the app's request figures.
 */
public final class PrometheusText {

    /** Prefixes of the meters that tell the concurrency story; everything else is dropped. */
    static final List<String> KEPT_PREFIXES = List.of(
            "jvm_threads_",
            "tomcat_threads_",
            "reactor_netty_",
            "lab_",
            "process_cpu_usage",
            "system_cpu_usage",
            "http_server_requests_seconds_sum",
            "http_server_requests_seconds_count",
            "http_server_requests_active_seconds_active_count",
            "http_client_requests_seconds_sum",
            "http_client_requests_seconds_count",
            "jvm_memory_used_bytes",
            "executor_active_threads",
            "executor_queued_tasks",
            "httpcomponents_httpclient_pool_");

    private PrometheusText() {}

    public static Map<String, Double> parse(String text) {
        Map<String, Double> sums = new TreeMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#") || line.contains("uri=\"/actuator")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = brace >= 0 ? line.indexOf(' ', line.lastIndexOf('}')) : line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = (brace >= 0 ? line.substring(0, brace) : line.substring(0, space)).trim();
            if (name.endsWith("_bucket") || KEPT_PREFIXES.stream().noneMatch(name::startsWith)) {
                continue;
            }
            String[] rest = line.substring(space + 1).trim().split("\\s+");
            double value = parseValue(rest[0]);
            if (!Double.isNaN(value)) {
                sums.merge(name, value, Double::sum);
            }
        }
        return sums;
    }

    private static double parseValue(String v) {
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
