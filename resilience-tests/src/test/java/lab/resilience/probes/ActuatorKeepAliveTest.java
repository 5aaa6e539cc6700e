package lab.resilience.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lab.contract.kit.JarProcess;
import lab.contract.kit.RawHttp;
import lab.resilience.support.Figures;
import lab.resilience.support.Lab;
import lab.variants.Variant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every request on a reused connection is answered, as Gatling, Prometheus, load balancers and the
 * apps' own pools use connections. Reactor Netty before 1.3.8 left about 1 in 60 such requests
 * unanswered for good when the previous request's operations had not terminated yet and the queued
 * request completed synchronously (reactor/reactor-netty#4361), in webflux-app and in the stub alike;
 * and it hung every pipelined request that completed synchronously behind a slow one. The fix is
 * Reactor Netty 1.3.8 (docs/failure-modes.md); these tests fail on the 1.3.6 that Boot 4.0.7 ships.
 */
@Order(4)
class ActuatorKeepAliveTest {

    /** A few hundred times the rate at which the hang showed (1 in 60), per server. */
    private static final int REQUESTS = 10_000;

    /** Permanent when it happens: any bound far above a normal answer (milliseconds) finds it. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** A Prometheus scrape costs a hundred times a health check: one in this many requests is one. */
    private static final int SCRAPE_EVERY = 250;

    /** Health, info, CPU work, a 405, a call through the stub and a 404, as a user tried them by hand. */
    private static final List<String> APP_REQUESTS = List.of(
            get("/actuator/health"),
            get("/actuator/health/readiness"),
            get("/actuator/info"),
            get("/api/cpu?rounds=1"),
            "POST /api/io HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n",
            get("/api/io?delayMs=0&bytes=16"),
            get("/nope"));

    private static final List<String> STUB_REQUESTS = List.of(
            get("/actuator/health"),
            get("/actuator/info"),
            get("/delay?ms=0&bytes=16"),
            "POST /delay HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n",
            get("/nope"));

    private static final String SCRAPE = get("/actuator/prometheus");

    /** The route the keep-alive stopgap does not cover: tries per server, each a fresh connection. */
    private static final int PIPELINE_TRIES = 20;

    @Test
    void everyServerAnswersEverySequentialRequestOnOneKeptAliveConnection() throws Exception {
        Map<String, JarProcess> servers = new LinkedHashMap<>();
        for (Variant variant : Variant.COMPARED) {
            servers.put(variant.id(), Lab.app(variant));
        }
        servers.put("stub", Lab.stub());

        // Side by side: each connection alternates between client and server, so one core each.
        Map<String, Future<Outcome>> runs = new LinkedHashMap<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(servers.size())) {
            servers.forEach((name, server) -> runs.put(
                    name, clients.submit(() -> keepAlive(server, name.equals("stub") ? STUB_REQUESTS : APP_REQUESTS))));
        }

        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (Map.Entry<String, Future<Outcome>> run : runs.entrySet()) {
            outcomes.put(run.getKey(), join(run.getValue()));
            Figures.record("keep-alive", "%s: %s", run.getKey(), outcomes.get(run.getKey()));
        }
        for (Map.Entry<String, Outcome> run : outcomes.entrySet()) {
            Outcome outcome = run.getValue();
            assertThat(outcome.unanswered()).as("%s: %s", run.getKey(), outcome).isEmpty();
            assertThat(outcome.closedByServer())
                    .as("%s closed the kept-alive connection (keep-alive requests are unlimited)", run.getKey())
                    .isZero();
            assertThat(outcome.answered()).isEqualTo(REQUESTS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Variant.class,
            names = {"MVC", "MVC_VT", "WEBFLUX"})
    void aPipelinedQuickRequestBehindASlowOneLeavesTheConnectionUsable(Variant variant) {
        assertPipelinesComplete(
                variant.id(), Lab.app(variant), get("/api/io?delayMs=50&bytes=16"), get("/api/cpu?rounds=1"));
    }

    @Test
    void theStubToo() {
        assertPipelinesComplete("stub", Lab.stub(), get("/delay?ms=50&bytes=16"), get("/nope"));
    }

    /**
     * A slow request and a quick one in one write, both answered in order, then a third request on
     * the same connection: the one that Reactor Netty 1.3.6 never read.
     */
    private static void assertPipelinesComplete(String name, JarProcess server, String slow, String quick) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < PIPELINE_TRIES && failures.isEmpty(); i++) {
            try (RawHttp.Connection connection = RawHttp.open("127.0.0.1", server.port(), PATIENCE)) {
                connection.write(slow + quick);
                Optional<RawHttp.Response> first = connection.read();
                Optional<RawHttp.Response> second = connection.read();
                connection.write(quick);
                Optional<RawHttp.Response> third = connection.read();
                if (!answered(first) || !answered(second) || !answered(third)) {
                    failures.add("try " + (i + 1) + ": slow " + describe(first) + ", quick " + describe(second)
                            + ", then on the same connection " + describe(third));
                }
            }
        }
        Figures.record(
                "pipelining",
                "%s: slow + quick request in one write, then a third: %s",
                name,
                failures.isEmpty() ? PIPELINE_TRIES + " of " + PIPELINE_TRIES + " tries complete" : failures);
        assertThat(failures).as(name).isEmpty();
    }

    /** Sequential requests, each sent when the previous answer is in; stops at the first one unanswered. */
    private static Outcome keepAlive(JarProcess server, List<String> cycle) {
        int answered = 0;
        int closedByServer = 0;
        Optional<String> unanswered = Optional.empty();
        RawHttp.Connection connection = RawHttp.open("127.0.0.1", server.port(), PATIENCE);
        try {
            while (answered < REQUESTS && unanswered.isEmpty()) {
                int n = answered + 1;
                String request = n % SCRAPE_EVERY == 0 ? SCRAPE : cycle.get(answered % cycle.size());
                connection.write(request);
                Optional<RawHttp.Response> response = connection.read();
                if (response.isEmpty()) {
                    unanswered = Optional.of("request " + n + " (" + firstLine(request) + ") unanswered after "
                            + PATIENCE.toSeconds() + " s");
                } else if (response.get().status() < 0 || closes(response.get())) {
                    closedByServer++;
                    if (response.get().status() >= 0) {
                        answered++;
                    }
                    connection.close();
                    connection = RawHttp.open("127.0.0.1", server.port(), PATIENCE);
                } else {
                    answered++;
                }
            }
        } finally {
            connection.close();
        }
        return new Outcome(answered, closedByServer, unanswered);
    }

    private static boolean closes(RawHttp.Response response) {
        return response.header("connection").map("close"::equalsIgnoreCase).orElse(false);
    }

    private static boolean answered(Optional<RawHttp.Response> response) {
        return response.isPresent() && response.get().status() > 0;
    }

    private static String describe(Optional<RawHttp.Response> response) {
        return response.map(r -> r.status() < 0 ? "connection closed" : String.valueOf(r.status()))
                .orElse("no answer in " + PATIENCE.toSeconds() + " s");
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n";
    }

    private static String firstLine(String request) {
        return request.substring(0, request.indexOf('\r'));
    }

    private static <T> T join(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What one kept-alive connection got. */
    record Outcome(int answered, int closedByServer, Optional<String> unanswered) {

        @Override
        public String toString() {
            return answered + " sequential requests answered on one connection"
                    + (closedByServer > 0 ? " (" + closedByServer + " closes by the server)" : "")
                    + unanswered.map(u -> ", then " + u).orElse("");
        }
    }
}
