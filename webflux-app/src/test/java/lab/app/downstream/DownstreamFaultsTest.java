package lab.app.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lab.app.core.meters.LabMeters;
import lab.contract.kit.DownstreamStub;
import lab.contract.kit.Http;
import lab.contract.kit.StubFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How the app maps real downstream faults (from the real stub) and its own overload onto the
 * catalogue: 502, 504, 503 with Retry-After.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "lab.downstream.response-timeout=" + DownstreamFaultsTest.RESPONSE_TIMEOUT_MS + "ms",
            "lab.overload.max-in-progress=" + DownstreamFaultsTest.MAX_IN_PROGRESS,
            "lab.overload.retry-after=2s"
        })
class DownstreamFaultsTest {

    static final int RESPONSE_TIMEOUT_MS = 500;
    static final int MAX_IN_PROGRESS = 2;
    /** Much longer than the response timeout: a 504 must come long before the stub would answer. */
    private static final int SLOW_DELAY_MS = 6000;

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry registry;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        registry.add("lab.downstream.base-url", () -> DownstreamStub.shared().baseUrl());
    }

    @AfterEach
    void healStub() {
        StubFaults.of(DownstreamStub.shared()).clear();
    }

    @Test
    void downstream5xxIs502DownstreamFailed() {
        StubFaults.of(DownstreamStub.shared()).set(StubFaults.Fault.SERVER_ERROR, 100);
        double before = outcomes("server_error");

        Http.Response response = Http.get(url("/api/io?delayMs=0"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.body()).contains("https://lab.example/problems/downstream-failed");
        assertThat(outcomes("server_error")).isGreaterThan(before);
    }

    @Test
    void connectionResetIs502DownstreamFailed() {
        StubFaults.of(DownstreamStub.shared()).set(StubFaults.Fault.RESET, 100);
        double before = outcomes("reset");

        Http.Response response = Http.get(url("/api/fanout?calls=2&delayMs=0"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.body()).contains("downstream-failed");
        assertThat(outcomes("reset")).isGreaterThan(before);
    }

    @Test
    void downstreamSlowerThanTheResponseTimeoutIs504LongBeforeItWouldAnswer() {
        double before = outcomes("timeout");
        long started = System.nanoTime();

        Http.Response response = Http.get(url("/api/io?delayMs=" + SLOW_DELAY_MS));

        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(response.status()).isEqualTo(504);
        assertThat(response.body()).contains("https://lab.example/problems/downstream-timeout");
        assertThat(elapsedMs)
                .as("answered near the timeout, not after the stub's delay")
                .isLessThan(SLOW_DELAY_MS / 2);
        assertThat(outcomes("timeout")).isGreaterThan(before);
    }

    @Test
    void requestsBeyondTheInProgressLimitAreShedAtOnceWithRetryAfter() {
        double shedBefore = registry.get(LabMeters.SHED).counter().count();
        CompletableFuture<?>[] holders = new CompletableFuture<?>[MAX_IN_PROGRESS];
        for (int i = 0; i < MAX_IN_PROGRESS; i++) {
            holders[i] = CompletableFuture.supplyAsync(() -> Http.get(url("/api/io?delayMs=3000")));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> registry.get(LabMeters.IN_PROGRESS).gauge().value() >= MAX_IN_PROGRESS);

        Http.Response shed = Http.get(url("/api/cpu?rounds=1"));

        assertThat(shed.status()).isEqualTo(503);
        assertThat(shed.header("Retry-After")).contains("2");
        assertThat(shed.body()).contains("https://lab.example/problems/overloaded");
        assertThat(registry.get(LabMeters.SHED).counter().count()).isEqualTo(shedBefore + 1);
        CompletableFuture.allOf(holders).join();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.get(LabMeters.IN_PROGRESS).gauge().value() == 0);
    }

    private double outcomes(String outcome) {
        return registry.get(LabMeters.DOWNSTREAM_CALLS)
                .tag(LabMeters.OUTCOME_TAG, outcome)
                .counter()
                .count();
    }

    private String url(String target) {
        return "http://127.0.0.1:" + port + target;
    }
}
