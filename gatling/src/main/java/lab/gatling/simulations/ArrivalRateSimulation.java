package lab.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * {@code GET /api/io} with arrivals at {@code rate} per second (open model): new requests keep
 * coming whatever the response times, as real users do. The default rate is above what MVC's 200
 * threads can serve, so queueing shows up as latency and then as timeouts.
 */
public class ArrivalRateSimulation extends Simulation {

    public ArrivalRateSimulation() {
        LoadSettings settings = LoadSettings.current();
        setUp(scenario("io")
                        .exec(LabHttp.get(
                                "io", "/api/io", settings, "delayMs", settings.delayMs(), "bytes", settings.bytes()))
                        .injectOpen(Injection.arrivalRate(settings)))
                .protocols(LabHttp.protocol(settings))
                .assertions(LabHttp.assertions(settings))
                .maxDuration(Injection.openMaxDuration(settings));
    }
}
