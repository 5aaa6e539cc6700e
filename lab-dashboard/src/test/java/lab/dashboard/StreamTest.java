package lab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /events} carries both apps' figures, from the load generator and from their own meters. */
class StreamTest extends DashboardTestBase {

    private static final int USERS = 20;

    @Test
    void eachEventCarriesBothAppsFiguresWhileLoadRuns() {
        putJson("/api/load", "{\"mode\":\"users\",\"users\":" + USERS + "}");

        JsonNode event = awaitEvent("both apps answering this load and scraped", e -> {
            for (String name : List.of("mvc", "webflux")) {
                JsonNode app = app(e, name);
                // an event of this load: an earlier test's load may still be draining
                if (!"users".equals(app.path("load").path("mode").asString())
                        || app.path("client").path("rps").asDouble() <= 0
                        || app.path("server").path("rps").asDouble() <= 0) {
                    return false;
                }
            }
            return true;
        });

        assertThat(event.path("schema").asInt()).isEqualTo(1);
        JsonNode mvc = app(event, "mvc");
        JsonNode webflux = app(event, "webflux");
        for (JsonNode app : List.of(mvc, webflux)) {
            assertThat(app.path("status").asString()).isEqualTo("up");
            assertThat(app.path("load").path("mode").asString()).isEqualTo("users");
            assertThat(app.path("load").path("users").asInt()).isEqualTo(USERS);
            assertThat(app.path("client").path("p99Ms").asDouble()).isPositive();
            assertThat(app.path("server").path("p99Ms").asDouble()).isPositive();
            assertThat(app.path("server").path("threads").path("live").asInt()).isPositive();
            assertThat(app.path("server").path("heap").path("usedMiB").asDouble())
                    .isPositive();
            assertThat(app.path("server").path("downstream").path("meanMs").asDouble())
                    .isPositive();
        }
        // each app shows what its concurrency model has
        assertThat(mvc.path("info").path("engine").asString()).isEqualTo("tomcat");
        assertThat(mvc.path("server").path("threads").path("max").asInt()).isEqualTo(200);
        assertThat(mvc.path("server").path("eventLoop").isNull()).isTrue();
        assertThat(webflux.path("info").path("engine").asString()).isEqualTo("reactor-netty");
        assertThat(webflux.path("server").path("threads").path("max").isNull()).isTrue();
        assertThat(webflux.path("server").path("eventLoop").path("pendingTasks").isIntegralNumber())
                .isTrue();
        assertThat(event.path("loadGenerator").path("rps").asDouble()).isPositive();
        assertThat(event.path("stub").path("status").asString()).isEqualTo("up");
    }

    /** What curl -N sees: text/event-stream, one "sample" event with an id and one JSON line of data. */
    @Test
    void theWireFormatIsPlainServerSentEvents() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (client) {
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                            .timeout(AWAIT)
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/event-stream"));
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                int events = 0;
                String line;
                while (events < 2 && (line = reader.readLine()) != null) {
                    lines.add(line);
                    if (line.isEmpty()) {
                        events++;
                    }
                }
            }
            List<String> data =
                    lines.stream().filter(l -> l.startsWith("data:")).toList();
            assertThat(lines).contains("event:sample");
            assertThat(lines).anyMatch(l -> l.matches("id:\\d+"));
            assertThat(data).hasSize(2);
            JsonNode first =
                    JsonMapper.builder().build().readTree(data.getFirst().substring("data:".length()));
            JsonNode second = JsonMapper.builder().build().readTree(data.get(1).substring("data:".length()));
            assertThat(second.path("seq").asLong())
                    .isGreaterThan(first.path("seq").asLong());
            assertThat(first.path("apps")).hasSize(2);
        }
    }
}
