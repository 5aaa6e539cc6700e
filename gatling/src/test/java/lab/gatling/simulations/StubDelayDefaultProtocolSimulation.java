package lab.gatling.simulations;

import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

/**
 * {@link StubDelaySimulation} with the protocol and request building the lab used before its
 * protocol was made lean (Gatling's defaults plus what the lab needs: shared connections, no
 * warm-up, no cache), so that {@code LoadCostBench} measures the difference in one JVM.
 */
public class StubDelayDefaultProtocolSimulation extends ClosedModelSimulation {

    private static final int HTTP_OK = 200;

    public StubDelayDefaultProtocolSimulation() {
        super(
                "delay",
                (name, settings) -> http(name)
                        .get("/delay")
                        .queryParam("ms", settings.delayMs())
                        .queryParam("bytes", settings.bytes())
                        .requestTimeout(Duration.ofMillis(settings.requestTimeoutMs()))
                        .check(status().is(HTTP_OK)),
                settings -> http.baseUrl(settings.target().toString())
                        .shareConnections()
                        .disableWarmUp()
                        .disableCaching()
                        .acceptHeader("application/json")
                        .userAgentHeader("blocking-reactive-lab-gatling"));
    }
}
