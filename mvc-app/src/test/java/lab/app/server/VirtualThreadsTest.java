package lab.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import lab.contract.Golden;
import lab.contract.kit.DownstreamStub;
import lab.contract.kit.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Profile "virtual": the same app serves each request, and each fan-out call, on a virtual thread. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("virtual")
class VirtualThreadsTest {

    private static final String BLOCKING_CALL = "lab.app.core.blocking.BlockingDownstream.call";
    /** Long enough to take a thread dump while the calls wait on the stub, even on a busy machine. */
    private static final int FANOUT_DELAY_MS = 3_000;

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

    /**
     * The fan-out calls themselves, not only the request, run on virtual threads: a thread dump
     * (which, unlike {@code Thread.getAllStackTraces()}, lists virtual threads) taken while they wait
     * on the stub shows every thread inside the blocking client as virtual.
     */
    @Test
    void fanOutCallsRunOnVirtualThreads() throws Exception {
        int calls = 4;
        // Calls another test left running (their answers came first) are not this fan-out's.
        List<String> before = ids(threadsIn(BLOCKING_CALL));
        CompletableFuture<Http.Response> fanout = CompletableFuture.supplyAsync(
                () -> Http.get(url("/api/fanout?calls=" + calls + "&delayMs=" + FANOUT_DELAY_MS)));

        List<JsonNode> callers = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> threadsIn(BLOCKING_CALL).stream()
                                .filter(thread ->
                                        !before.contains(thread.path("tid").asString()))
                                .toList(),
                        threads -> threads.size() >= calls);

        assertThat(callers)
                .as("threads inside %s during the fan-out", BLOCKING_CALL)
                .hasSize(calls)
                .allSatisfy(thread -> assertThat(isVirtual(thread))
                        .as("%s is a virtual thread", thread.path("name").asString())
                        .isTrue());
        assertThat(fanout.join().status()).isEqualTo(200);
    }

    /** Every thread of this JVM, virtual ones included, whose stack passes through {@code frame}. */
    private static List<JsonNode> threadsIn(String frame) throws IOException {
        Path dump = Files.createTempFile("threads", ".json");
        try {
            Files.delete(dump); // dumpThreads refuses to overwrite
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode container :
                    Golden.parse(Files.readString(dump)).path("threadDump").path("threadContainers")) {
                for (JsonNode thread : container.path("threads")) {
                    for (JsonNode element : thread.path("stack")) {
                        if (element.asString().contains(frame)) {
                            found.add(thread);
                            break;
                        }
                    }
                }
            }
            return found;
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    private static List<String> ids(List<JsonNode> threads) {
        return threads.stream().map(thread -> thread.path("tid").asString()).toList();
    }

    /** JDK 25 says so; JDK 21 shows the virtual thread's own frame at the bottom of its stack. */
    private static boolean isVirtual(JsonNode thread) {
        if (thread.path("virtual").asBoolean(false)) {
            return true;
        }
        for (JsonNode element : thread.path("stack")) {
            if (element.asString().contains("java.lang.VirtualThread.run")) {
                return true;
            }
        }
        return false;
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
        assertThat(Http.get(url("/actuator/info")).body())
                .contains("\"virtualThreads\":true")
                .contains("\"virtualThreadParallelism\":" + Runtime.getRuntime().availableProcessors());
    }

    private String url(String target) {
        return "http://127.0.0.1:" + port + target;
    }
}
