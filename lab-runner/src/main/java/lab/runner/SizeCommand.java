package lab.runner;

import java.util.List;
import java.util.concurrent.Callable;
import lab.k8s.sizing.SizingCalculator;
import lab.k8s.sizing.SizingInput;
import lab.k8s.units.Quantities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./lab size}: how many platform threads fit in a pod's memory limit, and where a
 * thread-per-request pod runs out (the k8s module's sizing calculator). Kubernetes quantities for
 * the pod ({@code 384Mi}, {@code 500m}), JVM sizes for the JVM ({@code 192m}, {@code 1m}).
 */
@Command(
        name = "size",
        mixinStandardHelpOptions = true,
        description =
                "How many platform threads fit in a pod, e.g. ./lab size --memory 384Mi --heap-percent 50 --stack 1m "
                        + "--threads 200. Estimates default to NMT readings of a Boot 4 app, rounded up.")
final class SizeCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--memory",
            required = true,
            description = "Container memory limit (Kubernetes quantity: 384Mi, 1Gi).")
    String memory;

    @Option(names = "--cpu", description = "Container CPU limit (500m, 2): tells Serial from G1 (default: 2+ CPUs).")
    String cpu;

    @Option(names = "--heap-percent", description = "-XX:MaxRAMPercentage (default: ${DEFAULT-VALUE}, the JVM's).")
    double heapPercent = SizingInput.DEFAULT_HEAP_PERCENT;

    @Option(names = "--heap", description = "-Xmx instead of a percentage (JVM size: 192m).")
    String heap;

    @Option(names = "--stack", description = "-Xss (default: 1m).")
    String stack = "1m";

    @Option(names = "--threads", description = "Request threads, e.g. Tomcat threads.max (default: ${DEFAULT-VALUE}).")
    int threads = DEFAULT_THREADS;

    @Option(names = "--other-threads", description = "JVM and framework threads (default: ${DEFAULT-VALUE}).")
    int otherThreads = SizingInput.DEFAULT_OTHER_THREADS;

    @Option(names = "--touched-stack", description = "Stack a typical thread really touches (default: 192k).")
    String touchedStack = "192k";

    @Option(names = "--metaspace", description = "Metaspace (default: 64m).")
    String metaspace = "64m";

    @Option(names = "--code-cache", description = "Code cache (default: 40m).")
    String codeCache = "40m";

    @Option(names = "--direct", description = "Direct buffers (default: 16m).")
    String direct = "16m";

    @Option(names = "--other-native", description = "Other native memory (default: 48m).")
    String otherNative = "48m";

    @Option(
            names = "--gc",
            description =
                    "The collector the pod's JVM options name (G1, Serial, Parallel, Z, Shenandoah, Epsilon); default: what JVM"
                            + " ergonomics pick from --cpu and --memory (Serial below 2 CPUs or 1792Mi). The lab's overlays"
                            + " name G1.")
    String gc;

    /** What {@code -XX:+Use<Name>GC} accepts on JDK 21+. */
    static final List<String> COLLECTORS = List.of("G1", "Serial", "Parallel", "Z", "Shenandoah", "Epsilon");

    @Option(
            names = "--gc-overhead-percent",
            description = "GC structures as a share of the heap (default: 3 for Serial, 16 for G1, from --gc, else from"
                    + " --cpu and --memory).")
    Double gcOverheadPercent;

    static final int DEFAULT_THREADS = 200;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.print(SizingCalculator.calculate(input()).render());
        // picocli's writer flushes on println only: without this ./lab size printed nothing
        out.flush();
        return 0;
    }

    SizingInput input() {
        try {
            long limit = Quantities.bytes(memory);
            long cpuMillis = cpu == null ? 0 : Quantities.millicores(cpu);
            if (gc != null && !COLLECTORS.contains(gc)) {
                throw new IllegalArgumentException("--gc " + gc + ": one of " + String.join(", ", COLLECTORS));
            }
            return new SizingInput(
                    limit,
                    heapPercent,
                    heap == null ? 0 : Quantities.jvmBytes(heap),
                    Quantities.jvmBytes(stack),
                    threads,
                    otherThreads,
                    Quantities.jvmBytes(touchedStack),
                    Quantities.jvmBytes(metaspace),
                    Quantities.jvmBytes(codeCache),
                    Quantities.jvmBytes(direct),
                    Quantities.jvmBytes(otherNative),
                    gcOverheadPercent != null
                            ? gcOverheadPercent
                            : SizingInput.gcOverheadPercent(gc == null ? "" : gc, cpuMillis, limit));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
