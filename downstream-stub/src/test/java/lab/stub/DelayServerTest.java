package lab.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import lab.stub.metrics.StubMeters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The real server on a random port, admin endpoint off (the default). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "stub.limits.max-hang=1s"})
@AutoConfigureWebTestClient
class DelayServerTest {

    private static final long DELAY_MS = 300;
    private static final long HANG_MS = 1000;
    private static final int CONCURRENT = 200;
    private static final int KEEP_ALIVE_REQUESTS = 50;
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @Autowired
    StubMeters meters;

    @Autowired
    MeterRegistry registry;

    private StubHttp http() {
        return new StubHttp(port);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 128, 65_536, 1_048_576})
    void answersWithExactlyTheAskedNumberOfBytes(int bytes) throws Exception {
        HttpResponse<byte[]> response = http().get("/delay?ms=0&bytes=" + bytes);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(bytes);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/octet-stream");
        assertThat(response.headers().firstValueAsLong("content-length")).hasValue(bytes);
    }

    @Test
    void headAnswersTheLengthWithoutABody() throws Exception {
        HttpResponse<byte[]> response = http().send("/delay?ms=0&bytes=42", "HEAD");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("content-length")).hasValue(42);
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ms=abc               | ms       | ms must be an integer between 0 and 120000
            ms=-5                | ms       | ms must be an integer between 0 and 120000
            ms=120001            | ms       | ms must be an integer between 0 and 120000
            ms=                  | ms       | ms must be an integer between 0 and 120000
            ms=1&ms=2            | ms       | ms must be given once
            bytes=1048577        | bytes    | bytes must be an integer between 0 and 1048576
            status=600           | status   | status must be an integer between 200 and 599
            fault=boom           | fault    | fault must be one of reset, close, hang
            foo=1                | foo      | unknown parameter foo
            """)
    void badInputGetsAProblemNamingTheParameter(String query, String parameter, String detail) {
        web.get()
                .uri("/delay?" + query)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(PROBLEM)
                .expectBody()
                .json("""
                        {"type":"https://lab.example/problems/invalid-parameter","title":"Invalid parameter",
                         "status":400,"detail":"%s","instance":"/delay","parameter":"%s"}
                        """.formatted(detail, parameter), org.springframework.test.json.JsonCompareMode.STRICT);
    }

    @Test
    void problemMembersComeInTheCatalogueOrder() {
        String body = web.get()
                .uri("/delay?ms=x")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(body)
                .isEqualTo(
                        "{\"type\":\"https://lab.example/problems/invalid-parameter\","
                                + "\"title\":\"Invalid parameter\",\"status\":400,"
                                + "\"detail\":\"ms must be an integer between 0 and 120000\",\"instance\":\"/delay\",\"parameter\":\"ms\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void otherMethodsGet405WithAllow(String method) {
        web.method(HttpMethod.valueOf(method))
                .uri("/delay")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals("Allow", "GET, HEAD")
                .expectHeader()
                .contentType(PROBLEM)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://lab.example/problems/method-not-allowed")
                .jsonPath("$.title")
                .isEqualTo("Method not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/delay/extra", "/admin/faults"})
    void unknownPathsAndTheDisabledAdminEndpointGet404Problems(String path) {
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE)) {
            web.method(method)
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(PROBLEM)
                    .expectBody()
                    .json("""
                            {"type":"https://lab.example/problems/not-found","title":"Not found","status":404,
                             "detail":"no endpoint at this path","instance":"%s"}
                            """.formatted(path), org.springframework.test.json.JsonCompareMode.STRICT);
        }
    }

    @Test
    void honoursTheDelay() throws Exception {
        StubHttp http = http();
        http.timedGet("/delay?ms=0");

        assertThat(http.timedGet("/delay?ms=" + DELAY_MS)).isGreaterThanOrEqualTo(DELAY_MS * 9 / 10);
    }

    @Test
    void concurrentRequestsWaitTogetherNotInTurn() throws Exception {
        StubHttp http = http();
        // Open the connections first: the point is the stub's waiting, not the client's connecting.
        all(http, CONCURRENT, "/delay?ms=50");

        long start = System.nanoTime();
        List<HttpResponse<byte[]>> responses = all(http, CONCURRENT, "/delay?ms=" + DELAY_MS);
        long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(elapsedMs).isGreaterThanOrEqualTo(DELAY_MS * 9 / 10).isLessThan(3 * DELAY_MS);
    }

    @Test
    void aKeepAliveConnectionCarriesManyRequests() throws Exception {
        try (RawHttp connection = new RawHttp(port)) {
            for (int i = 1; i <= KEEP_ALIVE_REQUESTS; i++) {
                connection.get("/delay?ms=1&bytes=" + i);
                RawHttp.Response response = connection.read();

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).hasSize(i).containsOnly('x');
            }
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheirOrder() throws Exception {
        try (RawHttp connection = new RawHttp(port)) {
            // The first is due long after the second: answering when due would swap them.
            connection.get("/delay?ms=" + DELAY_MS + "&bytes=3", "/delay?ms=0&bytes=5", "/delay?ms=0&status=503");

            assertThat(connection.read().contentLength()).isEqualTo(3);
            assertThat(connection.read().contentLength()).isEqualTo(5);
            assertThat(connection.read().status()).isEqualTo(503);
        }
    }

    @Test
    void latenessOfEachAnswerIsRecorded() throws Exception {
        long before = registry.get("stub.delay.lateness").timer().count();

        http().get("/delay?ms=10");

        assertThat(registry.get("stub.delay.lateness").timer().count()).isEqualTo(before + 1);
    }

    @Test
    void jitterSpreadsTheDelays() throws Exception {
        StubHttp http = http();
        long jitterMs = 600;
        List<Long> elapsed = IntStream.range(0, 20)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return http.timedGet("/delay?ms=0&jitterMs=" + jitterMs);
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        // 20 uniform draws over 0..600 ms all within 100 ms of each other: odds about 1e-14.
        long spread = elapsed.stream().mapToLong(Long::longValue).max().orElseThrow()
                - elapsed.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(spread).isGreaterThan(100);
    }

    @Test
    void statusParameterAnswersThatStatus() throws Exception {
        HttpResponse<byte[]> error = http().get("/delay?ms=0&status=503");
        HttpResponse<byte[]> created = http().get("/delay?ms=0&status=201&bytes=5");

        assertThat(error.statusCode()).isEqualTo(503);
        assertThat(error.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(new String(error.body(), StandardCharsets.UTF_8))
                .contains("\"type\":\"https://lab.example/problems/injected-fault\"", "\"status\":503");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).hasSize(5);
    }

    @Test
    void resetFaultIsSeenAsAnIoErrorAndCounted() {
        double before = count("reset");

        assertThatThrownBy(() -> http().get("/delay?ms=0&fault=reset")).isInstanceOf(IOException.class);
        // The JDK client retries a GET once when the connection dies before any answer: 1 or 2.
        assertThat(count("reset")).isBetween(before + 1, before + 2);
    }

    @Test
    void closeFaultEndsTheConnectionWithoutAnAnswer() {
        double before = count("close");

        assertThatThrownBy(() -> http().get("/delay?ms=0&fault=close")).isInstanceOf(IOException.class);
        assertThat(count("close")).isBetween(before + 1, before + 2);
    }

    @Test
    void hangIsBoundedByMaxHangThenClosed() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> http().get("/delay?fault=hang")).isInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isGreaterThanOrEqualTo(HANG_MS * 9 / 10);
        await().untilAsserted(() -> assertThat(meters.inFlight()).isZero());
    }

    @Test
    void aClientGivingUpEndsItsRequestInFlight() throws Exception {
        int before = meters.inFlight();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /delay?ms=60000 HTTP/1.1\r\nHost: stub\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().untilAsserted(() -> assertThat(meters.inFlight()).isEqualTo(before + 1));
        }
        await().untilAsserted(() -> assertThat(meters.inFlight()).isEqualTo(before));
    }

    @Test
    void answersAreCountedByOutcome() throws Exception {
        double ok = count("ok");
        double error = count("error");

        http().get("/delay?ms=0");
        http().get("/delay?ms=0&status=500");
        http().get("/delay?ms=bad");

        assertThat(count("ok")).isEqualTo(ok + 1);
        assertThat(count("error")).isEqualTo(error + 2);
    }

    @Test
    void actuatorExposesOnlyHealthInfoMetricsAndPrometheus() {
        Map<String, Object> links = web.get()
                .uri("/actuator")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody()
                .get("_links");

        assertThat(links)
                .containsOnlyKeys(
                        "self", "health", "health-path", "info", "metrics", "metrics-requiredMetricName", "prometheus");
        web.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains(
                                "stub_requests_total{outcome=\"reset\"}",
                                "stub_requests_in_flight",
                                "stub_delay_lateness_seconds_max"));
    }

    private double count(String outcome) {
        return registry.get("stub.requests").tag("outcome", outcome).counter().count();
    }

    private static List<HttpResponse<byte[]>> all(StubHttp http, int n, String pathAndQuery) {
        List<CompletableFuture<HttpResponse<byte[]>>> futures =
                IntStream.range(0, n).mapToObj(i -> http.getAsync(pathAndQuery)).toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
