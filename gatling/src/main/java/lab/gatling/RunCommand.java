package lab.gatling;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run for {@link LoadWorker} (one JSON line on its input) or {@link RunSimulation}.
 *
 * @param id echoed in the answer
 * @param simulation class name; a simple name means {@code lab.gatling.simulations.<name>}
 * @param properties system properties for this run only ({@code users}, {@code ladder},
 *     {@code target}, any {@code gatling.*} override, ...), removed again after it
 * @param resultsFolder where Gatling creates the run folder ({@code <simulation>-<timestamp>})
 * @param description Gatling's run description (shown in its report)
 * @param htmlReport whether Gatling writes its HTML report (a warm-up chunk needs none)
 */
public record RunCommand(
        String id,
        String simulation,
        Map<String, String> properties,
        Path resultsFolder,
        String description,
        boolean htmlReport) {

    static final String SIMULATIONS_PACKAGE = "lab.gatling.simulations.";
    static final String NO_REPORTS = "--no-reports";

    public RunCommand {
        if (simulation == null || simulation.isBlank()) {
            throw new IllegalArgumentException("simulation is missing");
        }
        if (resultsFolder == null) {
            throw new IllegalArgumentException("resultsFolder is missing");
        }
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        description = description == null ? "" : description;
        simulation = qualified(simulation.trim());
        resultsFolder = resultsFolder.toAbsolutePath();
    }

    /** The arguments for {@code io.gatling.app.Gatling}. */
    String[] gatlingArgs() {
        return gatlingArgs(simulation, resultsFolder, description, htmlReport ? List.of() : List.of(NO_REPORTS));
    }

    static String[] gatlingArgs(String simulation, Path resultsFolder, String description, List<String> extraArgs) {
        List<String> args = new ArrayList<>(
                List.of("--simulation", simulation, "--results-folder", resultsFolder.toString(), "--launcher", "lab"));
        if (!description.isBlank()) {
            // Gatling base64-decodes the description when it can, which garbles plain words such as
            // "mvc"; encoding it first (as the Maven plugin does) always round-trips
            args.addAll(List.of("--run-description", encoded(description)));
        }
        args.addAll(extraArgs);
        return args.toArray(String[]::new);
    }

    /** A simple name ({@code ArrivalRateSimulation}) means the lab's simulation of that name. */
    static String qualified(String simulation) {
        return simulation.contains(".") ? simulation : SIMULATIONS_PACKAGE + simulation;
    }

    static String encoded(String description) {
        return Base64.getEncoder().encodeToString(description.getBytes(StandardCharsets.UTF_8));
    }
}
