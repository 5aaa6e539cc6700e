package lab.runner.engine;

import java.util.ArrayList;
import java.util.List;
import lab.runner.bench.Launch;
import lab.runner.model.Attribution;
import lab.runrecord.ScenarioSpec;
import lab.runrecord.VariantRun;
import lab.variants.Model;
import tools.jackson.databind.JsonNode;

/** What an app says it derived from its limits ({@code /actuator/info}), and which of it limits a scenario. */
final class RuntimeInfos {

    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    private RuntimeInfos() {}

    static VariantRun.RuntimeInfo of(JsonNode info) {
        JsonNode lab = info.path("lab");
        JsonNode r = lab.path("runtime");
        List<String> gc = new ArrayList<>();
        r.path("gc").forEach(n -> gc.add(n.asText()));
        return new VariantRun.RuntimeInfo(
                integer(r.path("availableProcessors")),
                r.path("heapMaxBytes").isNumber() ? r.path("heapMaxBytes").asLong() : null,
                gc,
                integer(
                        r.path("tomcatMaxThreads").isNumber()
                                ? r.path("tomcatMaxThreads")
                                : lab.path("server").path("maxThreads")),
                integer(r.path("eventLoopThreads")),
                integer(r.path("virtualThreadParallelism")));
    }

    private static Integer integer(JsonNode n) {
        return n.isNumber() ? n.asInt() : null;
    }

    static String describe(VariantRun.RuntimeInfo r, Launch launch) {
        List<String> parts = new ArrayList<>();
        parts.add("model " + launch.variant().model().id());
        if (r.availableProcessors() != null) {
            parts.add(r.availableProcessors() + " CPU(s) seen");
        }
        if (r.maxHeapBytes() != null) {
            parts.add(Analysis.fmt("max heap %.0f MiB", r.maxHeapBytes() / BYTES_PER_MIB));
        }
        if (!r.gc().isEmpty()) {
            parts.add("GC " + String.join(" + ", r.gc()));
        }
        if (launch.variant().model() == Model.THREAD_PER_REQUEST && r.maxThreads() != null) {
            parts.add(r.maxThreads() + " Tomcat threads");
        }
        if (r.eventLoopThreads() != null) {
            parts.add(r.eventLoopThreads() + " event-loop threads");
        }
        if (launch.variant().model() == Model.VIRTUAL_THREADS && r.virtualThreadParallelism() != null) {
            parts.add(r.virtualThreadParallelism() + " carrier threads");
        }
        return String.join(", ", parts);
    }

    /**
     * The threads that each hold a request for its whole downstream wait in this scenario, when
     * they are a fixed pool: Tomcat's for thread-per-request; for a blocking call on WebFlux, the
     * event loop's (or the bounded elastic scheduler's when the call is offloaded). None for
     * virtual threads, and none in the cpu scenario (threads do not matter there).
     */
    static Integer limitingThreads(ScenarioSpec spec, Launch launch, VariantRun.RuntimeInfo r) {
        if (r == null || "cpu".equals(spec.prediction().model())) {
            return null;
        }
        Model model = launch.variant().model();
        if (model == Model.THREAD_PER_REQUEST) {
            return r.maxThreads() != null ? r.maxThreads() : launch.maxThreadsFromArgs();
        }
        if (model == Model.EVENT_LOOP
                && "event-loop-blocking".equals(spec.prediction().model())) {
            return "/api/offloaded-io".equals(spec.request().endpoint())
                    ? boundedElasticThreads(r)
                    : r.eventLoopThreads();
        }
        return null;
    }

    /** What the threads of {@link #limitingThreads} are, for the attribution's words. */
    static String limitingThreadsName(ScenarioSpec spec, Launch launch) {
        if (launch.variant().model() == Model.EVENT_LOOP) {
            return "/api/offloaded-io".equals(spec.request().endpoint())
                    ? Attribution.BOUNDED_ELASTIC
                    : Attribution.EVENT_LOOP_THREADS;
        }
        return Attribution.TOMCAT;
    }

    /** Reactor's default bounded elastic size: 10 threads per CPU the JVM sees. */
    static Integer boundedElasticThreads(VariantRun.RuntimeInfo r) {
        return r.availableProcessors() == null ? null : BOUNDED_ELASTIC_PER_CPU * r.availableProcessors();
    }

    static final int BOUNDED_ELASTIC_PER_CPU = 10;

    /** The client pool's size when the scenario makes it the limit ({@code pool}), else null. */
    static Integer poolConnections(ScenarioSpec spec, JsonNode labSettings) {
        if (!"pool".equals(spec.prediction().model()) || labSettings == null) {
            return null;
        }
        // the client's effective pool size, as both apps publish it under lab.client
        JsonNode max = labSettings.path("client").path("maxConnections");
        return max.isNumber() ? max.asInt() : null;
    }
}
