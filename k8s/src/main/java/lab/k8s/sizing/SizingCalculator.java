package lab.k8s.sizing;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import lab.k8s.units.Quantities;

/**
 * How many platform threads fit in a container memory limit, and where a thread-per-request pod
 * runs out. Plain Java so that {@code ./lab size} and the manifest tests share it:
 *
 * <pre>java -cp k8s/target/classes lab.k8s.sizing.SizingCalculator --memory 384Mi --heap-percent 50 --stack 1m --threads 200</pre>
 */
public final class SizingCalculator {

    private static final int USAGE_ERROR = 2;

    private SizingCalculator() {}

    public static SizingReport calculate(SizingInput in) {
        long heap = in.effectiveHeapBytes();
        long gc = (long) (heap * in.gcOverheadPercent() / 100);
        long nonHeap = in.metaspaceBytes() + in.codeCacheBytes() + in.directBytes() + in.otherNativeBytes() + gc;
        int threads = in.requestThreads() + in.otherThreads();
        long touched = Math.min(in.touchedStackBytes(), in.stackBytes());
        long left = in.memoryLimitBytes() - heap - nonHeap;
        return new SizingReport(
                in,
                heap,
                nonHeap,
                threads,
                threads * in.stackBytes(),
                threads * touched,
                fitting(left, in.stackBytes(), in.otherThreads()),
                fitting(left, touched, in.otherThreads()));
    }

    private static long fitting(long bytesLeft, long perThread, int otherThreads) {
        return Math.max(0, bytesLeft / perThread - otherThreads);
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The command line without {@code System.exit}: 0, or 2 for bad arguments (message and usage on {@code err}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            SizingInput input = parse(args);
            out.print(input == null ? usage() : calculate(input).render());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("size: " + e.getMessage());
            err.print(usage());
            return USAGE_ERROR;
        }
    }

    /** Parses the command line; {@code null} means help was asked for. */
    static SizingInput parse(String[] args) {
        SizingInput d = SizingInput.of(Quantities.MIB, SizingInput.DEFAULT_HEAP_PERCENT, SizingInput.DEFAULT_STACK, 0);
        Long memory = null;
        double heapPercent = d.heapPercent();
        long heap = 0;
        long stack = d.stackBytes();
        int threads = 200;
        int other = d.otherThreads();
        long touched = d.touchedStackBytes();
        long metaspace = d.metaspaceBytes();
        long codeCache = d.codeCacheBytes();
        long direct = d.directBytes();
        long otherNative = d.otherNativeBytes();
        Double gc = null;
        long cpuMillis = 0;
        Deque<String> queue = new ArrayDeque<>(Arrays.asList(args));
        while (!queue.isEmpty()) {
            String option = queue.pop();
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            String value = queue.poll();
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            switch (option) {
                case "--memory" -> memory = Quantities.bytes(value);
                case "--heap-percent" -> heapPercent = Double.parseDouble(value);
                case "--heap" -> heap = Quantities.jvmBytes(value);
                case "--stack" -> stack = Quantities.jvmBytes(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--other-threads" -> other = Integer.parseInt(value);
                case "--touched-stack" -> touched = Quantities.jvmBytes(value);
                case "--metaspace" -> metaspace = Quantities.jvmBytes(value);
                case "--code-cache" -> codeCache = Quantities.jvmBytes(value);
                case "--direct" -> direct = Quantities.jvmBytes(value);
                case "--other-native" -> otherNative = Quantities.jvmBytes(value);
                case "--gc-overhead-percent" -> gc = Double.parseDouble(value);
                case "--cpu" -> cpuMillis = Quantities.millicores(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (memory == null) {
            throw new IllegalArgumentException("--memory is required (a Kubernetes quantity such as 384Mi)");
        }
        double gcPercent = gc != null ? gc : SizingInput.gcOverheadPercent(cpuMillis, memory);
        return new SizingInput(
                memory,
                heapPercent,
                heap,
                stack,
                threads,
                other,
                touched,
                metaspace,
                codeCache,
                direct,
                otherNative,
                gcPercent);
    }

    static String usage() {
        return """
                usage: SizingCalculator --memory 384Mi [--cpu 500m] [--heap-percent 50 | --heap 192m] [--stack 1m] [--threads 200]
                  --memory               container memory limit (Kubernetes quantity: 384Mi, 1Gi)
                  --cpu                  container CPU limit (500m, 2): tells Serial from G1 (default: 2+ CPUs)
                  --heap-percent         -XX:MaxRAMPercentage (default 25, the JVM's)
                  --heap                 -Xmx instead of a percentage (JVM size: 192m)
                  --stack                -Xss (default 1m)
                  --threads              request threads, e.g. Tomcat threads.max (default 200)
                estimates (defaults from NMT on a Boot 4 app, rounded up; JVM sizes):
                  --other-threads 40  --touched-stack 192k  --metaspace 64m  --code-cache 40m
                  --direct 16m  --other-native 48m
                  --gc-overhead-percent  3 (Serial: < 2 CPUs or < 1792 MiB) or 16 (G1), from --cpu and --memory
                """;
    }
}
