package lab.runner.demo;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lab demo}: the stub (fault admin on), the apps and the live dashboard, or the dashboard
 * alone against apps running elsewhere ({@code --targets}); Ctrl-C stops everything.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Live demo in the browser: starts the stub (fault admin on), the apps on free ports and the "
                + "dashboard (lab-dashboard), prints its URL; Ctrl-C stops everything. docs/demo.md")
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--variants",
            split = ",",
            paramLabel = "LIST",
            description = "Apps to start (default: mvc,webflux; add mvc-vt for virtual threads).")
    List<String> variants = List.of("mvc", "webflux");

    @Option(names = "--port", description = "The dashboard's port (default: 8088; 0 = any free port).")
    int port = DemoSettings.DEFAULT_PORT;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "The dashboard's address (default: 127.0.0.1). Anything else is reachable from other "
                    + "machines, and the page can change faults and start load: a warning is printed.")
    String bind = DemoSettings.LOOPBACK;

    @Option(
            names = "--targets",
            paramLabel = "NAME=URL,...",
            description = "Watch and load apps running elsewhere (e.g. port-forwarded Kubernetes Services) "
                    + "instead of starting any: mvc=http://127.0.0.1:18081,webflux=http://127.0.0.1:18082")
    String targets;

    @Option(
            names = "--stub",
            paramLabel = "URL",
            description = "A stub running elsewhere (its admin endpoint on) for the fault controls, instead of "
                    + "starting one.")
    String stub;

    @Option(
            names = "--limits",
            paramLabel = "tight|generous|cpu=500m,memory=448Mi",
            description = "Run each app in its own cgroup with a pod's CPU quota and memory limit (from "
                    + "k8s/overlays), so that one app's CPU use does not move the other's figures.")
    String limits;

    @Option(names = "--heap-mib", description = "Heap of each app without --limits (default: 512).")
    int heapMiB = DemoSettings.DEFAULT_HEAP_MIB;

    @Option(names = "--exit-after-seconds", hidden = true, description = "Stop by itself (for tests).")
    Integer exitAfterSeconds;

    @Override
    public Integer call() throws Exception {
        DemoSettings settings;
        java.nio.file.Path root = DemoSettings.repoRoot();
        try {
            settings = DemoSettings.of(variants, port, bind, targets, stub, limits, heapMiB);
            if (settings.limits() != null) {
                // a bad --limits is refused before anything starts
                settings.variants().forEach(v -> lab.runner.LimitsLookup.podLimits(root, settings.limits(), v));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return new Demo(root, settings, System.out).run(exitAfterSeconds);
    }
}
