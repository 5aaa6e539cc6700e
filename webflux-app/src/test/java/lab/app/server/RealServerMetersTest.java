package lab.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import lab.contract.kit.ActuatorMeters;
import lab.contract.kit.DownstreamStub;
import lab.contract.kit.Http;
import lab.contract.kit.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The real app on Reactor Netty, after real traffic through the real stub: its model-specific meters and Actuator surface. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealServerMetersTest {

    private static boolean trafficSent;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        registry.add("lab.downstream.base-url", () -> DownstreamStub.shared().baseUrl());
    }

    @BeforeEach
    void traffic() {
        if (trafficSent) {
            return;
        }
        trafficSent = true;
        for (String target : List.of(
                "/api/io?delayMs=1",
                "/api/fanout?calls=2&delayMs=1",
                "/api/blocking-io?delayMs=1",
                "/api/cpu?rounds=1")) {
            assertThat(Http.get(url(target)).status()).as(target).isEqualTo(200);
        }
    }

    @Test
    void publishesEventLoopPoolAndLabMeters() {
        for (String meter : List.of(
                "reactor.netty.connection.provider.max.connections",
                "reactor.netty.connection.provider.active.connections",
                "reactor.netty.connection.provider.pending.connections",
                "reactor.netty.eventloop.pending.tasks",
                "httpcomponents.httpclient.pool.total.max",
                "http.client.requests",
                "http.server.requests",
                "http.server.requests.active",
                "jvm.threads.live",
                "jvm.memory.used",
                "jvm.memory.max",
                "jvm.memory.committed",
                "process.cpu.usage",
                "lab.requests.in.progress",
                "lab.requests.shed",
                "lab.downstream.calls")) {
            assertThat(ActuatorMeters.get(base(), meter).name()).isEqualTo(meter);
        }
    }

    @Test
    void eventLoopGaugeHasOneSeriesPerEventLoopThread() {
        assertThat(ActuatorMeters.get(base(), "reactor.netty.eventloop.pending.tasks")
                        .tagValues("name"))
                .hasSize(Math.max(Runtime.getRuntime().availableProcessors(), 4));
    }

    @Test
    void reactorNettysPerRequestMetersAreOffByDefault() {
        for (String meter :
                List.of("reactor.netty.http.server.data.received", "reactor.netty.http.client.response.time")) {
            assertThat(Http.get(url("/actuator/metrics/" + meter)).status())
                    .as(meter)
                    .isEqualTo(404);
        }
    }

    @Test
    void jvmMemoryIsMeasuredForHeapAndNonHeap() {
        assertThat(ActuatorMeters.get(base(), "jvm.memory.used").tagValues("area"))
                .contains("heap", "nonheap");
        assertThat(ActuatorMeters.get(base(), "jvm.memory.used", "area:heap").measurement("VALUE"))
                .isPositive();
        // The sum of the heap pools' maxima: the JVM's max heap give or take a region's rounding.
        assertThat(ActuatorMeters.get(base(), "jvm.memory.max", "area:heap").measurement("VALUE"))
                .isCloseTo(Runtime.getRuntime().maxMemory(), withinPercentage(5));
    }

    @Test
    void connectionPoolIsTheConfiguredOneNotReactorNettysDefault() {
        assertThat(ActuatorMeters.get(base(), "reactor.netty.connection.provider.max.connections", "name:downstream")
                        .measurement("VALUE"))
                .isEqualTo(10_000.0);
    }

    @Test
    void downstreamCallsAreCountedAsSuccesses() {
        // /api/io, the two calls of /api/fanout and /api/blocking-io
        assertThat(ActuatorMeters.get(base(), "lab.downstream.calls", "outcome:success")
                        .measurement("COUNT"))
                .isGreaterThanOrEqualTo(4.0);
    }

    @Test
    void prometheusHasServerHistogramAndOneClientUriTag() {
        String scrape = Http.get(url("/actuator/prometheus")).body();

        assertThat(scrape)
                .contains("http_server_requests_seconds_bucket{")
                .contains("lab_requests_in_progress{")
                .contains("uri=\"/delay?ms={ms}&bytes={bytes}\"")
                .doesNotContain("uri=\"/delay?ms=1");
    }

    @Test
    void actuatorExposesExactlyHealthInfoMetricsPrometheus() {
        assertThat(Http.get(url("/actuator/health/liveness")).status()).isEqualTo(200);
        assertThat(Http.get(url("/actuator/health/readiness")).status()).isEqualTo(200);
        for (String hidden : List.of("env", "beans", "configprops", "heapdump", "threaddump", "loggers", "mappings")) {
            Http.Response response = Http.get(url("/actuator/" + hidden));
            assertThat(response.status()).as(hidden).isEqualTo(404);
            assertThat(response.mediaType()).as(hidden).contains("application/problem+json");
        }
    }

    @Test
    void infoCarriesTheEffectiveSettings() {
        String info = Http.get(url("/actuator/info")).body();

        assertThat(info)
                .contains("\"lab\":{\"app\":\"webflux\",\"model\":\"event-loop\",\"settings\":{")
                .contains("\"downstream.responseTimeout\":\"PT12S\"")
                .contains("\"server\":{\"engine\":\"reactor-netty\",\"maxThreads\":")
                .contains("\"maxConnections\":20000,\"acceptCount\":1000")
                .contains("\"keepAliveTimeout\":\"PT1M\",\"connectionTimeout\":\"PT1M\",\"headerTimeout\":\"PT20S\"")
                .contains("\"maxKeepAliveRequests\":\"unlimited\"")
                .contains("\"requestMeters\":[\"http.server.requests\"]")
                .contains(
                        "\"client\":{\"library\":\"reactor-netty\",\"maxConnections\":10000,\"pendingAcquireMax\":20000")
                .contains("\"runtime\":{\"javaVersion\":")
                .contains("\"availableProcessors\":" + Runtime.getRuntime().availableProcessors())
                .contains(
                        "\"eventLoopThreads\":" + Math.max(Runtime.getRuntime().availableProcessors(), 4));
    }

    @Test
    void blockingIoRunsOnTheEventLoop() {
        // Reactor Netty's global loops are "reactor-http-*"; Spring names them "webflux-http-*" when a test JVM
        // holds several application contexts and the loops are not the global ones.
        assertThat(Http.get(url("/api/blocking-io?delayMs=1")).body())
                .containsPattern("\"thread\":\"(reactor|webflux)-http-(epoll|nio)-\\d+\"");
    }

    @Test
    void requestTargetsTheServerCannotParseAreCatalogueProblemsToo() {
        RawHttp.Response badPathEscape = raw("/api/%zz");
        assertThat(badPathEscape.status()).isEqualTo(400);
        assertThat(badPathEscape.mediaType()).contains("application/problem+json");
        assertThat(badPathEscape.body())
                .isEqualTo(
                        "{\"type\":\"https://lab.example/problems/bad-request\",\"title\":\"Bad request\","
                                + "\"status\":400,\"detail\":\"the request could not be understood\",\"instance\":\"/api/%zz\"}");

        RawHttp.Response illegalCharacter = raw("/api/io?delayMs=|");
        assertThat(illegalCharacter.status()).isEqualTo(400);
        assertThat(illegalCharacter.body()).contains("/problems/bad-request").contains("\"instance\":\"/\"");
    }

    private RawHttp.Response raw(String target) {
        return RawHttp.send(
                "127.0.0.1", port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private String url(String target) {
        return "http://127.0.0.1:" + port + target;
    }
}
