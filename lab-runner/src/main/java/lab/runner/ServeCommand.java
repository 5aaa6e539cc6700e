package lab.runner;

import java.util.concurrent.Callable;
import lab.runner.serve.Serve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./lab serve <variant>|all}: the stub and app(s) on their default ports, for curl; Ctrl-C stops all. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the stub (admin endpoint on) and one variant, or all, on the default ports; "
                + "print curl examples; Ctrl-C stops everything.")
final class ServeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "VARIANT", description = "mvc, mvc-vt, webflux, mvc-10k or all")
    String variant;

    @Option(names = "--heap-mib", description = "Heap of each JVM (default: 1024, as compare).")
    int heapMiB = 1024;

    @Option(names = "--exit-after-seconds", hidden = true, description = "Stop by itself (for tests).")
    Integer exitAfterSeconds;

    @Override
    public Integer call() throws Exception {
        return new Serve(RepoRoot.find(), variant, heapMiB, System.out).run(exitAfterSeconds);
    }
}
