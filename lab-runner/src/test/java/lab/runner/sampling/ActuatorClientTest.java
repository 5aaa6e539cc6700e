package lab.runner.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Failed scrapes are counted with their reason, not dropped. */
class ActuatorClientTest {

    @Test
    void aScrapeThatFailsIsCountedAndTheGoodOnesAreNot() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/prometheus", exchange -> {
            boolean fail = calls.incrementAndGet() == 2;
            byte[] body = (fail ? "overwhelmed" : "jvm_threads_live_threads 17.0\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            ActuatorClient client = new ActuatorClient(server.getAddress().getPort());

            assertThat(client.scrape())
                    .hasValueSatisfying(
                            s -> assertThat(s.sum("jvm_threads_live_threads")).isEqualTo(17.0));
            assertThat(client.scrape()).isEmpty();
            assertThat(client.scrape()).isPresent();

            assertThat(client.scrapes()).isEqualTo(3);
            assertThat(client.failedScrapes()).isEqualTo(1);
            assertThat(client.lastScrapeFailure())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("503"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anAppThatIsGoneIsAFailedScrape() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ActuatorClient client = new ActuatorClient(port);

        assertThat(client.scrape()).isEmpty();
        assertThat(client.failedScrapes()).isEqualTo(1);
    }
}
