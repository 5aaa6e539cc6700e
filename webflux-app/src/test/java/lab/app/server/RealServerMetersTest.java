package lab.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
    void publishesReactorNettyServerClientPoolAndEventLoopMeters() {
        for (String meter : List.of(
                "reactor.netty.http.server.data.received",
                "reactor.netty.http.server.connections.total",
                "reactor.netty.http.client.response.time",
                "reactor.netty.http.client.connect.time",
                "reactor.netty.connection.provider.max.connections",
                "reactor.netty.connection.provider.active.connections",
                "reactor.netty.connection.provider.pending.connections",
                "reactor.netty.eventloop.pending.tasks",
                "httpcomponents.httpclient.pool.total.max",
                "http.client.requests",
                "http.server.requests",
                "http.server.requests.active",
                "jvm.threads.live",
                "process.cpu.usage",
                "lab.requests.in.progress",
                "lab.requests.shed",
                "lab.downstream.calls")) {
            assertThat(Http.get(url("/actuator/metrics/" + meter)).status())
                    .as(meter)
                    .isEqualTo(200);
        }
    }

    @Test
    void connectionPoolIsTheConfiguredOneNotReactorNettysDefault() {
        assertThat(Http.get(
                                url(
                                        "/actuator/metrics/reactor.netty.connection.provider.max.connections?tag=name:downstream"))
                        .body())
                .contains("\"value\":10000.0");
        assertThat(Http.get(
                                url(
                                        "/actuator/metrics/reactor.netty.connection.provider.max.pending.connections?tag=name:downstream"))
                        .body())
                .contains("\"value\":20000.0");
    }

    @Test
    void downstreamCallsAreCountedAsSuccesses() {
        assertThat(Http.get(url("/actuator/metrics/lab.downstream.calls?tag=outcome:success"))
                        .body())
                .doesNotContain("\"value\":0.0");
    }

    @Test
    void prometheusHasServerHistogramAndBoundedUriTags() {
        String scrape = Http.get(url("/actuator/prometheus")).body();

        assertThat(scrape)
                .contains("http_server_requests_seconds_bucket{")
                .contains("lab_requests_in_progress{")
                .contains("uri=\"/delay?ms={ms}&bytes={bytes}\"")
                .doesNotContain("uri=\"/delay?ms=1");
        assertThat(scrape.lines()
                        .filter(line -> line.startsWith("reactor_netty_http_server_data_received"))
                        .filter(line -> line.contains("uri=")))
                .allMatch(line -> line.contains("uri=\"/api/") || line.contains("uri=\"UNKNOWN\""));
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
                .contains(
                        "\"client\":{\"library\":\"reactor-netty\",\"maxConnections\":10000,\"pendingAcquireMax\":20000")
                .contains("\"availableProcessors\":");
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

    private String url(String target) {
        return "http://127.0.0.1:" + port + target;
    }
}
