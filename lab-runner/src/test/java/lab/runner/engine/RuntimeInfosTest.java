package lab.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import lab.runner.bench.Launch;
import lab.runrecord.ScenarioSpec;
import lab.runrecord.VariantRun;
import lab.scenario.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which threads limit which variant in which scenario of the real catalogue. */
class RuntimeInfosTest {

    private static final Catalogue CATALOGUE =
            Catalogue.load(Path.of("..").toAbsolutePath().normalize());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a variant on one CPU reports: 200 Tomcat threads, 4 event-loop threads, 1 carrier thread. */
    private static final VariantRun.RuntimeInfo ONE_CPU =
            new VariantRun.RuntimeInfo(1, 1024L * 1024 * 1024, List.of("G1 Young Generation"), 200, 4, 1);

    private static ScenarioSpec scenario(String name) {
        return CATALOGUE.resolve(name, Path.of("."));
    }

    private static Integer limiting(String scenario, String variant, VariantRun.RuntimeInfo info) {
        VariantRun.RuntimeInfo r =
                "mvc-10k".equals(variant) ? new VariantRun.RuntimeInfo(1, null, List.of(), 10_000, null, null) : info;
        return RuntimeInfos.limitingThreads(scenario(scenario), Launch.named(variant), r);
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(
            nullValues = "none",
            value = {
                // thread per request: Tomcat's pool holds each request for its whole downstream wait
                "ladder,       mvc,     200",
                "ladder,       mvc-10k, 10000",
                "c10k,         mvc-10k, 10000",
                "fanout,       mvc,     200",
                "pool,         mvc,     200",
                "slowdown,     mvc,     200",
                "coldstart,    mvc,     200",
                "blocking-io,  mvc,     200",
                // virtual threads and the event loop hold no thread per waiting request...
                "ladder,       mvc-vt,  none",
                "ladder,       webflux, none",
                "slowdown,     webflux, none",
                "pool,         webflux, none",
                "blocking-io,  mvc-vt,  none",
                // ...unless the call blocks: on the event loop itself, or on the bounded elastic scheduler
                "blocking-io,  webflux, 4",
                "offloaded-io, webflux, 10",
                "offloaded-io, mvc,     200",
                "offloaded-io, mvc-vt,  none",
                // CPU-bound work: the threads do not matter
                "cpu,          mvc,     none",
                "cpu,          webflux, none",
                "cpu,          mvc-vt,  none"
            })
    void theThreadsThatLimitEachVariantInEachScenario(String scenario, String variant, Integer expected) {
        assertThat(limiting(scenario, variant, ONE_CPU)).isEqualTo(expected);
    }

    @Test
    void theBoundedElasticSchedulerHasTenThreadsPerCpuTheJvmSees() {
        VariantRun.RuntimeInfo fourCpus = new VariantRun.RuntimeInfo(4, null, List.of(), null, 4, null);
        VariantRun.RuntimeInfo unknown = new VariantRun.RuntimeInfo(null, null, List.of(), null, 4, null);

        assertThat(limiting("offloaded-io", "webflux", fourCpus)).isEqualTo(40);
        assertThat(limiting("offloaded-io", "webflux", unknown)).isNull();
    }

    @Test
    void withoutTheAppsWordTomcatsPoolComesFromTheCommandLine() {
        VariantRun.RuntimeInfo silent = new VariantRun.RuntimeInfo(1, null, List.of(), null, null, null);
        Launch fifty = Launch.named("mvc").withExtraArgs(List.of("--server.tomcat.threads.max=50"));

        assertThat(RuntimeInfos.limitingThreads(scenario("ladder"), fifty, silent))
                .isEqualTo(50);
        assertThat(RuntimeInfos.limitingThreads(scenario("ladder"), Launch.named("mvc"), silent))
                .isNull();
        assertThat(RuntimeInfos.limitingThreads(scenario("ladder"), Launch.named("mvc"), null))
                .isNull();
    }

    @Test
    void theRuntimeIsReadFromActuatorInfo() {
        JsonNode info = JSON.readTree("""
                {"lab": {"runtime": {"availableProcessors": 2, "heapMaxBytes": 1073741824,
                                     "gc": ["G1 Young Generation", "G1 Concurrent GC"], "eventLoopThreads": 4},
                         "server": {"maxThreads": 200}, "downstream": {"maxConnections": 50}}}
                """);

        VariantRun.RuntimeInfo r = RuntimeInfos.of(info);

        assertThat(r.availableProcessors()).isEqualTo(2);
        assertThat(r.maxHeapBytes()).isEqualTo(1L << 30);
        assertThat(r.gc()).containsExactly("G1 Young Generation", "G1 Concurrent GC");
        // the lab section's maxThreads when the runtime does not say
        assertThat(r.maxThreads()).isEqualTo(200);
        assertThat(r.eventLoopThreads()).isEqualTo(4);
        assertThat(r.virtualThreadParallelism()).isNull();
        assertThat(RuntimeInfos.describe(r, Launch.named("mvc")))
                .isEqualTo("model thread-per-request, 2 CPU(s) seen, max heap 1024 MiB,"
                        + " GC G1 Young Generation + G1 Concurrent GC, 200 Tomcat threads, 4 event-loop threads");
        assertThat(RuntimeInfos.of(JSON.readTree("{}")))
                .isEqualTo(new VariantRun.RuntimeInfo(null, null, List.of(), null, null, null));
    }

    @Test
    void theClientPoolIsTheLimitOnlyInThePoolScenario() {
        // the shape both apps publish in /actuator/info's lab section (recorded from webflux-app)
        JsonNode lab = JSON.readTree("{\"settings\": {\"downstream.maxConnections\": 50},"
                + " \"client\": {\"library\": \"reactor-netty\", \"maxConnections\": 50}}");

        assertThat(RuntimeInfos.poolConnections(scenario("pool"), lab)).isEqualTo(50);
        assertThat(RuntimeInfos.poolConnections(scenario("ladder"), lab)).isNull();
        assertThat(RuntimeInfos.poolConnections(scenario("pool"), JSON.readTree("{}")))
                .isNull();
        assertThat(RuntimeInfos.poolConnections(scenario("pool"), null)).isNull();
    }
}
