package lab.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * {@code GET /api/io} at {@code baseRate} per second, then {@code spikeUsers} arriving at the same
 * instant, then {@code baseRate} again (open model): how each stack absorbs a burst and recovers.
 */
public class SpikeSimulation extends Simulation {

    public SpikeSimulation() {
        LoadSettings settings = LoadSettings.current();
        setUp(scenario("io")
                        .exec(LabHttp.get(
                                "io", "/api/io", settings, "delayMs", settings.delayMs(), "bytes", settings.bytes()))
                        .injectOpen(Injection.spike(settings)))
                .protocols(LabHttp.protocol(settings))
                .assertions(LabHttp.assertions(settings))
                .maxDuration(Injection.openMaxDuration(settings));
    }
}
