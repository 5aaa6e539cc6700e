package lab.contract.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The raw-socket client sends bytes as written and parses fixed-length and chunked answers. */
class RawHttpTest {

    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fixed", exchange -> {
            byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/chunked", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(418, 0); // 0 = chunked
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("hello ".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("world".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void sendsTheTargetByteForByte() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ExecutorService executor = Executors.newSingleThreadExecutor()) {
            Future<String> requestLine = executor.submit(() -> {
                try (Socket socket = listener.accept()) {
                    BufferedReader in =
                            new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    String line = in.readLine();
                    while (!in.readLine().isEmpty()) {
                        // rest of the head
                    }
                    socket.getOutputStream()
                            .write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                            + "Content-Length: 7\r\n\r\n{\"a\":1}")
                                    .getBytes(StandardCharsets.UTF_8));
                    return line;
                }
            });

            RawHttp.Response response = RawHttp.get(listener.getLocalPort(), "/fixed?x=%zz&y=+1&z=١");

            assertThat(requestLine.get(10, TimeUnit.SECONDS)).isEqualTo("GET /fixed?x=%zz&y=+1&z=١ HTTP/1.1");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.mediaType()).contains("application/json");
            assertThat(response.body()).isEqualTo("{\"a\":1}");
        }
    }

    @Test
    void readsChunkedBodies() {
        RawHttp.Response response = RawHttp.get(server.getAddress().getPort(), "/chunked");

        assertThat(response.status()).isEqualTo(418);
        assertThat(response.header("Content-Type")).contains("text/plain");
        assertThat(response.body()).isEqualTo("hello world");
    }

    @Test
    void httpHelperReportsStatusHeadersAndBody() {
        Http.Response response = Http.get(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/fixed?q=1",
                Map.of("Accept", "application/json"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"a\":1}");
    }
}
