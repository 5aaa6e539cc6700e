package lab.gatling.simulations;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A closed-model run of one request per virtual user: as soon as a user's request completes, a
 * new user takes its place, so exactly {@code users} requests are in flight (Little's law then
 * gives throughput = users / latency). With {@code ladder}, every step in turn; with
 * {@code openSeconds > 0}, an open-model step at {@code rate} arrivals per second follows once the
 * last ladder user has finished (its scenario and requests are named "{@code <name> open}").
 */
abstract class ClosedModelSimulation extends Simulation {

    /** Suffix of the open step's scenario and request names, so that Gatling's report shows it apart. */
    static final String OPEN_SUFFIX = " open";

    /**
     * @param name scenario and request name of the ladder
     * @param request builds the request for a request name
     */
    ClosedModelSimulation(String name, BiFunction<String, LoadSettings, HttpRequestActionBuilder> request) {
        this(name, request, LabHttp::protocol);
    }

    /** The same with another HTTP protocol (to measure what the lab's protocol saves). */
    ClosedModelSimulation(
            String name,
            BiFunction<String, LoadSettings, HttpRequestActionBuilder> request,
            Function<LoadSettings, HttpProtocolBuilder> protocol) {
        LoadSettings settings = LoadSettings.current();
        PopulationBuilder ladder =
                scenario(name).exec(request.apply(name, settings)).injectClosed(Injection.closed(settings));
        PopulationBuilder population = Injection.openAfterLadder(settings)
                .map(open -> ladder.andThen(scenario(name + OPEN_SUFFIX)
                        .exec(request.apply(name + OPEN_SUFFIX, settings))
                        .injectOpen(open)))
                .orElse(ladder);
        setUp(population)
                .protocols(protocol.apply(settings))
                .assertions(LabHttp.assertions(settings))
                .maxDuration(Injection.closedMaxDuration(settings));
    }
}
