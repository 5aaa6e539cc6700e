package lab.gatling;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import lab.gatling.simulations.LoadSettings;

/**
 * Which simulation to run, where results go and how the run is described: from Gatling-style
 * arguments, else system properties, else environment variables (for the Kubernetes Job).
 */
record RunRequest(String simulationClass, Path resultsFolder, String runDescription, List<String> extraArgs) {

    static final String DEFAULT_SIMULATION = "ConcurrencyLadderSimulation";
    static final String DEFAULT_RESULTS_FOLDER = "target/gatling";

    RunRequest {
        extraArgs = List.copyOf(extraArgs);
    }

    /**
     * @param args {@code --simulation}/{@code -s}, {@code --results-folder}/{@code -rf},
     *     {@code --run-description}/{@code -rd}; anything else goes to Gatling unchanged
     * @param properties system property lookup ({@code simulation}, {@code resultsFolder}, {@code runDescription})
     * @param environment environment lookup ({@code SIMULATION}, {@code RESULTS_FOLDER}, {@code RUN_DESCRIPTION})
     */
    static RunRequest parse(String[] args, UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String simulation = null;
        String results = null;
        String description = null;
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--simulation", "-s" -> simulation = valueAfter(args, i++);
                case "--results-folder", "-rf" -> results = valueAfter(args, i++);
                case "--run-description", "-rd" -> description = valueAfter(args, i++);
                default -> extra.add(arg);
            }
        }
        UnaryOperator<String> fallback = name -> Optional.ofNullable(properties.apply(name))
                .orElseGet(() -> environment.apply(LoadSettings.environmentName(name)));
        simulation = firstNonBlank(simulation, fallback.apply("simulation"), DEFAULT_SIMULATION);
        results = firstNonBlank(results, fallback.apply("resultsFolder"), DEFAULT_RESULTS_FOLDER);
        description = firstNonBlank(description, fallback.apply("runDescription"), "");
        return new RunRequest(qualified(simulation), Path.of(results).toAbsolutePath(), description, extra);
    }

    /** The arguments for {@code io.gatling.app.Gatling}. */
    String[] gatlingArgs() {
        return RunCommand.gatlingArgs(simulationClass, resultsFolder, runDescription, extraArgs);
    }

    /** A simple name ({@code ArrivalRateSimulation}) means the lab's simulation of that name. */
    private static String qualified(String simulation) {
        return RunCommand.qualified(simulation);
    }

    static String encoded(String description) {
        return RunCommand.encoded(description);
    }

    private static String valueAfter(String[] args, int index) {
        if (index + 1 >= args.length) {
            throw new IllegalArgumentException(args[index] + " needs a value");
        }
        return args[index + 1];
    }

    /** The first value that is set, else the last one (the default). */
    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return values[values.length - 1];
    }
}
