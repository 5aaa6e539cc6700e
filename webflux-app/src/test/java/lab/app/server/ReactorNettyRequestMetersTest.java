package lab.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.contract.kit.ActuatorMeters;
import lab.contract.kit.DownstreamStub;
import lab.contract.kit.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code lab.netty.request-meters=true}: Reactor Netty's per-request server and client meters, with
 * a bounded uri tag (an endpoint path or UNKNOWN, never a scanner's random path).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lab.netty.request-meters=true")
class ReactorNettyRequestMetersTest {

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
        for (String target : List.of("/api/io?delayMs=1", "/api/cpu?rounds=1", "/random/scanner/path")) {
            Http.get(url(target));
        }
    }

    @Test
    void publishesReactorNettyServerAndClientMeters() {
        for (String meter : List.of(
                "reactor.netty.http.server.data.received",
                "reactor.netty.http.server.connections.total",
                "reactor.netty.http.client.response.time",
                "reactor.netty.http.client.connect.time",
                "reactor.netty.eventloop.pending.tasks")) {
            assertThat(ActuatorMeters.get(base(), meter).name()).isEqualTo(meter);
        }
        assertThat(Http.get(url("/actuator/info")).body())
                .contains("\"requestMeters\":[\"http.server.requests\",\"reactor.netty.http.server.*\"]");
    }

    @Test
    void uriTagsAreBounded() {
        List<String> tagged = Http.get(url("/actuator/prometheus"))
                .body()
                .lines()
                .filter(line -> line.startsWith("reactor_netty_http_server_data_received"))
                .filter(line -> line.contains("uri="))
                .toList();

        assertThat(tagged).as("server meters with a uri tag").isNotEmpty();
        assertThat(tagged).allMatch(line -> line.contains("uri=\"/api/") || line.contains("uri=\"UNKNOWN\""));
        assertThat(tagged).noneMatch(line -> line.contains("/random/"));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private String url(String target) {
        return "http://127.0.0.1:" + port + target;
    }
}
