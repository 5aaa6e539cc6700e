package lab.runner;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.runner.bench.Launch;
import lab.runner.engine.ScenarioRun;
import lab.runner.environment.EnvironmentProbe;
import lab.runner.environment.ReproductionProbe;
import lab.runrecord.RunResults;
import lab.runrecord.ScenarioSpec;
import lab.scenario.Catalogue;
import lab.scenario.Overrides;
import lab.variants.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./lab compare}: runs a scenario of the catalogue (default: the ladder) against every
 * variant and writes results.json, the load generator's reports, report.html and summary.md.
 * Every default is the scenario's own (scenarios/*.yaml); the options here override them.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Run a scenario (default: ladder) against each variant in turn and write results.json, "
                + "report.html and summary.md. Defaults come from scenarios/<name>.yaml (./lab scenarios lists them).")
final class CompareCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--scenario",
            paramLabel = "NAME|FILE",
            description = "A catalogue entry or a .yaml file (default: ladder).")
    String scenario = "ladder";

    @Option(
            names = "--quick",
            description = "The scenario's smoke run: fewer and shorter steps, one repeat, still warm.")
    boolean quick;

    @Option(names = "--variants", split = ",", description = "Variants to run (default: the scenario's).")
    List<String> variants;

    @Option(names = "--users", split = ",", description = "Closed-model steps (default: the scenario's).")
    List<Integer> users;

    @Option(names = "--delay-ms", description = "Downstream delay per call in ms (default: the scenario's).")
    Integer delayMs;

    @Option(names = "--step-seconds", description = "Steady seconds measured per step, after ramp and settle.")
    Integer stepSeconds;

    @Option(names = "--ramp-seconds", description = "Ramp to each step's users.")
    Integer rampSeconds;

    @Option(names = "--settle-seconds", description = "Seconds after each ramp left out of the window.")
    Integer settleSeconds;

    @Option(names = "--open-rate", description = "Arrivals/s of the open-model step after the ladder, 0 for none.")
    Integer openRate;

    @Option(names = "--open-seconds", description = "Steady seconds of the open-model step.")
    Integer openSeconds;

    @Option(
            names = "--repeat",
            description = "Measure every step N times in the same warm JVMs (default: the scenario's).")
    Integer repeat;

    @Option(names = "--warmup-users", description = "Users of the warm-up chunks.")
    Integer warmupUsers;

    @Option(
            names = "--warmup-max-seconds",
            description = "Cap on the warm-up; 0 for none (every step then counts as cold).")
    Integer warmupMaxSeconds;

    @Option(names = "--request-timeout-ms", description = "The load generator's timeout per request.")
    Integer requestTimeoutMs;

    @Option(
            names = "--limits",
            paramLabel = "tight|generous|cpu=500m,memory=448Mi",
            description =
                    "Run each app as in a pod: its own cgroup with this CPU quota and memory limit (from k8s/overlays).")
    String limits;

    @Option(
            names = "--heap-mib",
            description = "Heap of every app, -Xms = -Xmx (default: 1024; not with --limits: the pod sizes it).")
    Integer heapMiB;

    @Option(
            names = "--gc",
            description =
                    "GC of every app: G1 (default), Serial, Parallel, Z (not with --limits: the overlay names it).")
    String gc;

    @Option(
            names = "--app-cpus",
            description = "Whole CPUs the app is pinned to (default: 1; the rest go to the load side).")
    Integer appCpus;

    @Option(
            names = "--app-arg",
            paramLabel = "VARIANT:ARG",
            description =
                    "Extra Spring Boot argument for one variant, e.g. mvc:--server.tomcat.threads.max=50 (repeatable).")
    List<String> appArgs = new ArrayList<>();

    @Option(names = "--out", description = "Output folder (default: results/<timestamp>-<scenario>).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path root = RepoRoot.find();
        ScenarioSpec scenarioSpec;
        try {
            Catalogue catalogue = Catalogue.load(root);
            scenarioSpec =
                    overrides().apply(catalogue.resolve(scenario, Path.of("").toAbsolutePath()));
            scenarioSpec = C10kFit.fit(scenarioSpec, EnvironmentProbe.nofileLimit(), System.out);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<Launch> launches = launches(scenarioSpec);
        RunSetup setup = RunSetup.decide(root, scenarioSpec, limits, heapMiB, gc, appCpus, spec.commandLine());
        Path outDir = out != null
                ? out
                : root.resolve("results")
                        .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                                + scenarioSpec.name());
        List<String> commandLine = new ArrayList<>(List.of("./lab", "compare"));
        commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
        ScenarioRun.Options options = new ScenarioRun.Options(
                root,
                outDir,
                scenarioSpec,
                launches,
                setup.split(),
                setup.appFlags(),
                setup.stubFlags(),
                setup.isolation(),
                setup.limitsInfo(),
                ReproductionProbe.describe(root, commandLine),
                setup.loadGenerators(),
                "c10k".equals(scenarioSpec.load().kind()));
        RunResults results;
        try (setup) {
            results = new ScenarioRun(options, System.out).run();
        }
        Reports.write(outDir, System.out);
        return results.variants().stream().allMatch(v -> v.failure() == null) ? 0 : 1;
    }

    Overrides overrides() {
        return new Overrides(
                quick,
                variants,
                users,
                delayMs,
                stepSeconds,
                rampSeconds,
                settleSeconds,
                openRate,
                openSeconds,
                requestTimeoutMs,
                repeat,
                warmupUsers,
                warmupMaxSeconds);
    }

    /** The scenario's variants, each with the scenario's arguments and its own {@code --app-arg}s. */
    List<Launch> launches(ScenarioSpec s) {
        List<Launch> list = new ArrayList<>();
        for (String arg : appArgs) {
            int colon = arg.indexOf(':');
            if (colon < 0) {
                throw new ParameterException(spec.commandLine(), "--app-arg needs VARIANT:ARG, got '" + arg + "'");
            }
            String name = arg.substring(0, colon);
            if (!s.variants().contains(name)) {
                throw new ParameterException(
                        spec.commandLine(),
                        String.format(
                                Locale.ROOT,
                                "--app-arg %s: variant '%s' is not in this run (%s)",
                                arg,
                                name,
                                s.variants()));
            }
        }
        for (String name : s.variants()) {
            List<String> extra = new ArrayList<>(s.appArgs());
            for (String arg : appArgs) {
                if (arg.startsWith(name + ":")) {
                    extra.add(arg.substring(name.length() + 1));
                }
            }
            list.add(new Launch(Variant.named(name), extra));
        }
        return list;
    }
}
