package lab.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import lab.contract.kit.DownstreamStub;
import lab.contract.kit.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Profile "virtual": the same app serves each request, and each fan-out call, on a virtual thread. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("virtual")
class VirtualThreadsTest {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        registry.add("lab.downstream.base-url", () -> DownstreamStub.shared().baseUrl());
    }

    @Test
    void requestsRunOnVirtualThreadsAndSaySo() {
        Http.Response response = Http.get(url("/api/fanout?calls=2&delayMs=1"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"model\":\"virtual-threads\"").contains("\"virtual\":true");
    }

    @Test
    void publishesVirtualThreadMeters() {
        for (String meter : new String[] {
            "jvm.threads.virtual.live",
            "jvm.threads.virtual.pinned",
            "jvm.threads.virtual.submit.failed",
            "tomcat.threads.busy"
        }) {
            assertThat(Http.get(url("/actuator/metrics/" + meter)).status())
                    .as(meter)
                    .isEqualTo(200);
        }
        assertThat(Http.get(url("/actuator/info")).body()).contains("\"virtualThreads\":true");
    }

    private String url(String target) {
        return "http://127.0.0.1:" + port + target;
    }
}
