package lab.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.function.Function;

/**
 * A closed-model run of one request per virtual user: as soon as a user's request completes, a
 * new user takes its place, so exactly {@code users} requests are in flight (Little's law then
 * gives throughput = users / latency).
 */
abstract class ClosedModelSimulation extends Simulation {

    ClosedModelSimulation(String name, Function<LoadSettings, HttpRequestActionBuilder> request) {
        LoadSettings settings = LoadSettings.current();
        setUp(scenario(name).exec(request.apply(settings)).injectClosed(Injection.closed(settings)))
                .protocols(LabHttp.protocol(settings))
                .assertions(LabHttp.assertions(settings))
                .maxDuration(Injection.closedMaxDuration(settings));
    }
}
