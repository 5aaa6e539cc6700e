package lab.dashboard.scrape;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one app's own meters say about the interval between two scrapes. Fields are null when the
 * app does not have the meter (Tomcat's threads on WebFlux, the event loop on MVC) or when the
 * interval says nothing (the app restarted and its counters went back to zero).
 *
 * @param rps requests per second completed, from {@code http.server.requests} (Actuator's own
 *     requests, such as this dashboard's scrapes, left out)
 * @param p50Ms median latency as the server measured it: from a worker thread picking the request
 *     up to the answer, so time queued for a Tomcat thread is not in it
 * @param p99Ms 99th percentile, the same way
 * @param errors answers of status 400 and above in the interval, by status
 * @param inProgress requests inside the app ({@code lab.requests.in.progress})
 */
public record ServerFigures(
        Double rps,
        Double p50Ms,
        Double p99Ms,
        Map<String, Long> errors,
        Double inProgress,
        Threads threads,
        EventLoop eventLoop,
        Cpu cpu,
        Heap heap,
        Downstream downstream) {

    static final String HTTP_SERVER = "http_server_requests_seconds";
    static final String HTTP_CLIENT = "http_client_requests_seconds";
    private static final String ACTUATOR = "/actuator";
    private static final double MS = 1_000.0;
    private static final double NANOS = 1e9;
    private static final double MIB = 1024.0 * 1024.0;
    private static final double P50 = 0.50;
    private static final double P99 = 0.99;
    private static final int FIRST_ERROR_STATUS = 400;

    /**
     * @param live JVM threads ({@code jvm.threads.live})
     * @param busy Tomcat threads serving a request ({@code tomcat.threads.busy}); null on WebFlux
     * @param max Tomcat's thread limit ({@code tomcat.threads.config.max}); null on WebFlux
     */
    public record Threads(Integer live, Integer busy, Integer max) {}

    /** @param pendingTasks tasks queued on all event loops ({@code reactor.netty.eventloop.pending.tasks}) */
    public record EventLoop(Integer pendingTasks) {}

    /**
     * @param cores CPU time per second of the app's process (1.0 = one CPU busy), from
     *     {@code process.cpu.time}
     * @param msPerRequest that CPU time divided by the requests completed
     */
    public record Cpu(Double cores, Double msPerRequest) {}

    public record Heap(Double usedMiB, Double maxMiB) {}

    /**
     * The app's calls to the stub ({@code http.client.requests}): how the stub's latency looks from
     * the app.
     */
    public record Downstream(Double rps, Double meanMs) {}

    /** The figures between two scrapes of the same app. */
    static ServerFigures between(Scrape previous, Scrape current) {
        double seconds = (current.nanos() - previous.nanos()) / NANOS;
        if (seconds <= 0) {
            throw new IllegalArgumentException("scrapes out of order");
        }
        List<Distribution> before = served(previous);
        List<Distribution> now = served(current);
        Long requests = countDelta(before, now);
        Buckets buckets = Buckets.delta(before, now);
        Double rps = requests == null ? null : requests / seconds;
        return new ServerFigures(
                rps,
                buckets == null ? null : ms(buckets.quantile(P50)),
                buckets == null ? null : ms(buckets.quantile(P99)),
                errors(before, now),
                current.sum("lab_requests_in_progress"),
                new Threads(
                        integer(current.sum("jvm_threads_live_threads")),
                        integer(current.sum("tomcat_threads_busy_threads")),
                        integer(current.sum("tomcat_threads_config_max_threads"))),
                eventLoop(current),
                cpu(previous, current, seconds, requests),
                new Heap(
                        mib(current.sum(
                                "jvm_memory_used_bytes",
                                v -> "heap".equals(v.labels().get("area")))),
                        mib(current.sum(
                                "jvm_memory_max_bytes",
                                v -> "heap".equals(v.labels().get("area")) && v.value() > 0))),
                downstream(previous, current, seconds));
    }

    private static List<Distribution> served(Scrape scrape) {
        return scrape.distributions(HTTP_SERVER).stream()
                .filter(d -> !d.label("uri").startsWith(ACTUATOR))
                .toList();
    }

    /** Requests in the interval, or null when a series' count went down (a restart). */
    private static Long countDelta(List<Distribution> before, List<Distribution> now) {
        Map<Map<String, String>, Long> was = new java.util.HashMap<>();
        before.forEach(d -> was.put(d.labels(), d.count()));
        long sum = 0;
        for (Distribution d : now) {
            long delta = d.count() - was.getOrDefault(d.labels(), 0L);
            if (delta < 0) {
                return null;
            }
            sum += delta;
        }
        return sum;
    }

    private static Map<String, Long> errors(List<Distribution> before, List<Distribution> now) {
        Map<Map<String, String>, Long> was = new java.util.HashMap<>();
        before.forEach(d -> was.put(d.labels(), d.count()));
        Map<String, Long> errors = new TreeMap<>();
        for (Distribution d : now) {
            String status = d.label("status");
            if (!isError(status)) {
                continue;
            }
            long delta = d.count() - was.getOrDefault(d.labels(), 0L);
            if (delta > 0) {
                errors.merge(status, delta, Long::sum);
            }
        }
        return errors;
    }

    private static boolean isError(String status) {
        try {
            return Integer.parseInt(status) >= FIRST_ERROR_STATUS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static EventLoop eventLoop(Scrape current) {
        Double pending = current.sum("reactor_netty_eventloop_pending_tasks");
        return pending == null ? null : new EventLoop(integer(pending));
    }

    private static Cpu cpu(Scrape previous, Scrape current, double seconds, Long requests) {
        Double before = previous.sum("process_cpu_time_ns_total");
        Double now = current.sum("process_cpu_time_ns_total");
        if (before == null || now == null || now < before) {
            return new Cpu(null, null);
        }
        double cpuNanos = now - before;
        return new Cpu(
                cpuNanos / NANOS / seconds,
                requests == null || requests == 0 ? null : cpuNanos / requests / (NANOS / MS));
    }

    private static Downstream downstream(Scrape previous, Scrape current, double seconds) {
        List<Distribution> before = previous.distributions(HTTP_CLIENT);
        List<Distribution> now = current.distributions(HTTP_CLIENT);
        if (now.isEmpty()) {
            return new Downstream(null, null);
        }
        Map<Map<String, String>, Distribution> was = new java.util.HashMap<>();
        before.forEach(d -> was.put(d.labels(), d));
        long calls = 0;
        double time = 0;
        for (Distribution d : now) {
            Distribution then = was.get(d.labels());
            calls += d.count() - (then == null ? 0 : then.count());
            time += d.sum() - (then == null ? 0 : then.sum());
        }
        if (calls < 0) {
            return new Downstream(null, null);
        }
        return new Downstream(calls / seconds, calls == 0 ? null : time / calls * MS);
    }

    private static Double ms(Double seconds) {
        return seconds == null ? null : seconds * MS;
    }

    private static Double mib(Double bytes) {
        return bytes == null ? null : bytes / MIB;
    }

    private static Integer integer(Double value) {
        return value == null ? null : (int) Math.round(value);
    }
}
