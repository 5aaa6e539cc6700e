package lab.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunRequestTest {

    private static final String[] NO_ARGS = {};

    @Test
    void argumentsWinOverPropertiesAndEnvironment() {
        RunRequest request = RunRequest.parse(
                new String[] {
                    "--simulation", "SpikeSimulation", "-rf", "/tmp/r", "--run-description", "step 3", "--no-reports"
                },
                Map.of("simulation", "FanoutSimulation")::get,
                Map.of("SIMULATION", "CpuBoundSimulation")::get);

        assertThat(request.simulationClass()).isEqualTo("lab.gatling.simulations.SpikeSimulation");
        assertThat(request.resultsFolder()).isEqualTo(Path.of("/tmp/r"));
        assertThat(request.runDescription()).isEqualTo("step 3");
        assertThat(request.gatlingArgs())
                .containsSubsequence("--simulation", "lab.gatling.simulations.SpikeSimulation")
                .containsSubsequence("--results-folder", "/tmp/r")
                .containsSubsequence("--run-description", RunRequest.encoded("step 3"))
                .contains("--no-reports");
    }

    @Test
    void environmentVariablesServeTheKubernetesJob() {
        RunRequest request = RunRequest.parse(
                NO_ARGS,
                name -> null,
                Map.of("SIMULATION", "ArrivalRateSimulation", "RESULTS_FOLDER", "/results")::get);

        assertThat(request.simulationClass()).isEqualTo("lab.gatling.simulations.ArrivalRateSimulation");
        assertThat(request.resultsFolder()).isEqualTo(Path.of("/results"));
    }

    @Test
    void defaultsToTheLadderAndAFolderUnderTarget() {
        RunRequest request = RunRequest.parse(NO_ARGS, name -> null, name -> null);

        assertThat(request.simulationClass()).isEqualTo("lab.gatling.simulations.ConcurrencyLadderSimulation");
        assertThat(request.resultsFolder()).isEqualTo(Path.of("target/gatling").toAbsolutePath());
        assertThat(request.gatlingArgs()).doesNotContain("--run-description");
    }

    @Test
    void descriptionsReachGatlingBase64EncodedBecauseGatlingDecodesThem() {
        RunRequest request = RunRequest.parse(new String[] {"-rd", "mvc"}, name -> null, name -> null);

        // "mvc" is itself valid base64: passed raw, Gatling would turn it into two garbage bytes
        assertThat(request.gatlingArgs()).containsSubsequence("--run-description", "bXZj");
    }

    @Test
    void fullyQualifiedClassNamesAreKept() {
        RunRequest request =
                RunRequest.parse(new String[] {"-s", "com.example.MySimulation"}, name -> null, name -> null);

        assertThat(request.simulationClass()).isEqualTo("com.example.MySimulation");
    }
}
