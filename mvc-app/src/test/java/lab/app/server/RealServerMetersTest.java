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

/** The real app on Tomcat, after real traffic through the real stub: its model-specific meters and Actuator surface. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealServerMetersTest {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        registry.add("lab.downstream.base-url", () -> DownstreamStub.shared().baseUrl());
    }

    private static boolean trafficSent;

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
    void publishesTomcatClientPoolAndLabMeters() {
        for (String meter : List.of(
                "tomcat.threads.busy",
                "tomcat.threads.config.max",
                "tomcat.threads.current",
                "httpcomponents.httpclient.pool.total.max",
                "httpcomponents.httpclient.pool.total.pending",
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
    void jvmMemoryIsMeasuredForHeapAndNonHeap() {
        ActuatorMeters.Meter used = ActuatorMeters.get(base(), "jvm.memory.used");
        assertThat(used.tagValues("area")).contains("heap", "nonheap");
        assertThat(ActuatorMeters.get(base(), "jvm.memory.used", "area:heap").measurement("VALUE"))
                .isPositive();
        // The sum of the heap pools' maxima: the JVM's max heap give or take a region's rounding.
        assertThat(ActuatorMeters.get(base(), "jvm.memory.max", "area:heap").measurement("VALUE"))
                .isCloseTo(Runtime.getRuntime().maxMemory(), withinPercentage(5));
    }

    @Test
    void tomcatThreadCeilingIsTheConfiguredOne() {
        assertThat(ActuatorMeters.get(base(), "tomcat.threads.config.max").measurement("VALUE"))
                .isEqualTo(200.0);
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
                .contains("\"lab\":{\"app\":\"mvc\",\"model\":\"thread-per-request\",\"settings\":{")
                .contains("\"downstream.responseTimeout\":\"PT12S\"")
                .contains("\"server\":{\"engine\":\"tomcat\",\"maxThreads\":200,\"virtualThreads\":false")
                .contains("\"maxConnections\":20000,\"acceptCount\":1000")
                .contains("\"keepAliveTimeout\":\"PT1M\",\"connectionTimeout\":\"PT1M\"")
                .contains("\"maxKeepAliveRequests\":\"unlimited\"")
                .contains("\"client\":{\"library\":\"apache-httpclient5\",\"maxConnections\":10000,"
                        + "\"pendingAcquireMax\":20000")
                .contains("\"runtime\":{\"javaVersion\":")
                .contains("\"availableProcessors\":" + Runtime.getRuntime().availableProcessors())
                .contains("\"gc\":[\"")
                .contains("\"tomcatMaxThreads\":200");
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
