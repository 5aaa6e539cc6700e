package lab.gatling.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.core.Predef$;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.scenario.SimulationParams;
import io.gatling.core.structure.PopulationBuilder;
import io.gatling.http.protocol.HttpProtocol;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Builds each simulation the way Gatling does (without running it) and checks what it would run
 * with: one population, the shared local-only HTTP protocol, the safety limit, the assertion.
 */
class SimulationsTest {

    private static final List<String> PROPERTIES = List.copyOf(LoadSettings.DEFAULTS.keySet());

    @BeforeAll
    static void gatlingConfiguration() {
        // what Gatling's Runner does before it instantiates a simulation
        Predef$.MODULE$._configuration_$eq(GatlingConfiguration.load());
    }

    @AfterEach
    void clearProperties() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                ConcurrencyLadderSimulation.class,
                ArrivalRateSimulation.class,
                SpikeSimulation.class,
                FanoutSimulation.class,
                CpuBoundSimulation.class,
                BlockingIoSimulation.class,
                OffloadedIoSimulation.class
            })
    void everySimulationBuildsWithTheDefaultsAndOneSharedLocalProtocol(Class<? extends Simulation> type)
            throws ReflectiveOperationException {
        SimulationParams params = build(type);

        assertThat(params.rootPopulationBuilders().size()).isEqualTo(1);
        assertThat(params.assertions().size()).isEqualTo(1);
        assertThat(params.maxDuration().isDefined()).isTrue();
        HttpProtocol http = (HttpProtocol) params.globalProtocols().values().head();
        assertThat(CollectionConverters.asJava(http.baseUrls())).containsExactly("http://127.0.0.1:8082");
        assertThat(http.enginePart().shareConnections()).isTrue();
        assertThat(http.warmUpUrl().isDefined()).isFalse();
    }

    @Test
    void theLabTurnsAssertionsOffAndPointsAtAnyTarget() throws ReflectiveOperationException {
        set(Map.of("assertions", "false", "target", "http://127.0.0.1:8081"));

        SimulationParams params = build(ConcurrencyLadderSimulation.class);

        assertThat(params.assertions().isEmpty()).isTrue();
        HttpProtocol http = (HttpProtocol) params.globalProtocols().values().head();
        assertThat(CollectionConverters.asJava(http.baseUrls())).containsExactly("http://127.0.0.1:8081");
    }

    @Test
    void aStandaloneLadderWithRampsIsOneRunLongEnoughForEveryStep() throws ReflectiveOperationException {
        set(Map.of("ladder", "50,100,200", "rampSeconds", "2", "durationSeconds", "10"));

        SimulationParams params = build(ConcurrencyLadderSimulation.class);

        Duration maxDuration = Duration.ofNanos(params.maxDuration().get().toNanos());
        assertThat(maxDuration).isGreaterThanOrEqualTo(Duration.ofSeconds(3 * (2 + 10)));
    }

    @Test
    void theOpenStepFollowsTheLadderAsAChildPopulation() throws ReflectiveOperationException {
        set(Map.of("ladder", "50,100", "rampSeconds", "2", "durationSeconds", "10", "openSeconds", "10"));

        SimulationParams params = build(ConcurrencyLadderSimulation.class);

        assertThat(params.rootPopulationBuilders().size()).isEqualTo(1);
        PopulationBuilder ladder = params.rootPopulationBuilders().head();
        assertThat(ladder.scenarioBuilder().name()).isEqualTo("io");
        assertThat(ladder.children().size()).isEqualTo(1);
        PopulationBuilder open = ladder.children().head().head();
        assertThat(open.scenarioBuilder().name()).isEqualTo("io open");
        assertThat(open.injectionProfile().totalUserCount().isDefined())
                .as("open model")
                .isTrue();
        Duration maxDuration = Duration.ofNanos(params.maxDuration().get().toNanos());
        assertThat(maxDuration).isGreaterThanOrEqualTo(Duration.ofSeconds(2 * (2 + 10) + 10));
    }

    @Test
    void theProtocolIsLeanAndTheUrlIsOneConstant() throws ReflectiveOperationException {
        HttpProtocol http = (HttpProtocol) build(ConcurrencyLadderSimulation.class)
                .globalProtocols()
                .values()
                .head();

        assertThat(http.requestPart().cache()).isFalse();
        assertThat(http.requestPart().autoReferer()).isFalse();
        assertThat(http.requestPart().autoOrigin()).isFalse();
        assertThat(http.requestPart().disableUrlEncoding()).isTrue();
        assertThat(http.responsePart().followRedirect()).isFalse();
        assertThat(http.responsePart().inferHtmlResources()).isFalse();
        assertThat(LabHttp.url("/api/io", "delayMs", 100, "bytes", 128)).isEqualTo("/api/io?delayMs=100&bytes=128");
        assertThat(LabHttp.url("/api/cpu")).isEqualTo("/api/cpu");
        assertThat(LabHttp.url("/x", "a b", "c&d")).isEqualTo("/x?a+b=c%26d");
    }

    private static SimulationParams build(Class<? extends Simulation> type) throws ReflectiveOperationException {
        return type.getDeclaredConstructor().newInstance().params(null);
    }

    private static void set(Map<String, String> properties) {
        properties.forEach(System::setProperty);
    }
}
