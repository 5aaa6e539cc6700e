package lab.runner;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lab.runner.c10k.C10kRun;
import lab.runner.c10k.C10kSettings;
import lab.runner.compare.CompareRun;
import lab.runner.compare.CompareSettings;
import lab.runner.compare.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./lab compare}: the experiment. Every default lives here, in one place. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Run the variants one after the other through the same load and write results.json, steps.csv, "
                + "per-step Gatling reports, report.html and summary.md.")
final class CompareCommand implements Callable<Integer> {

    static final List<Integer> DEFAULT_USERS = List.of(50, 100, 200, 400, 800, 1600, 3200);
    static final List<Integer> QUICK_USERS = List.of(100, 400, 1600);
    static final int DEFAULT_STEP_SECONDS = 15;
    static final int QUICK_STEP_SECONDS = 5;
    static final int DEFAULT_RAMP_SECONDS = 2;
    static final int QUICK_RAMP_SECONDS = 1;
    static final int DEFAULT_WARMUP_SECONDS = 20;
    static final int QUICK_WARMUP_SECONDS = 6;
    static final int DEFAULT_WARMUP_USERS = 200;
    static final int DEFAULT_OPEN_SECONDS = 10;
    static final int QUICK_OPEN_SECONDS = 5;
    /** The open-model rate is this multiple of the thread-pool ceiling of Boot's default Tomcat. */
    static final double OPEN_RATE_OVER_CEILING = 1.5;

    static final int BOOT_DEFAULT_MAX_THREADS = 200;
    static final int GATLING_HEAP_MIB = 512;
    /**
     * Same for every variant. 256 MiB (the first plan) is too small for the ladder's top steps:
     * Tomcat on virtual threads holds every request in flight at once, ~100 KiB of heap each
     * (connection and header buffers, the HC5 connection, the virtual thread's stack chunk), and
     * mvc-vt died of OutOfMemoryError at 1,600 users; at 512 MiB it thrashed in GC from 800 users
     * and died at 3,200. 1 GiB keeps all three alive to 3,200 (a finding of its own: docs/lab.md).
     */
    static final int DEFAULT_HEAP_MIB = 1024;
    /**
     * c10k is about threads and stacks, not heap: at 256 MiB mvc-vt and mvc-10k died of
     * OutOfMemoryError with 2,000 requests in flight, which would hide the story.
     */
    static final int C10K_HEAP_MIB = 2048;

    static final int DEFAULT_DELAY_MS = 100;
    static final int DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
    static final int C10K_GATLING_HEAP_MIB = 1024;

    enum Scenario {
        ladder,
        c10k
    }

    @Option(names = "--quick", description = "All variants, fewer and shorter steps: about 3 minutes.")
    boolean quick;

    @Option(
            names = "--variants",
            split = ",",
            description = "Variants to run (default: mvc,mvc-vt,webflux; c10k adds mvc-10k).")
    List<String> variants;

    @Option(
            names = "--users",
            split = ",",
            description = "Closed-model ladder (default: 50,100,200,400,800,1600,3200; quick: 100,400,1600).")
    List<Integer> users;

    @Option(names = "--delay-ms", description = "Downstream delay per request in ms (default: 100; c10k: 5000).")
    Integer delayMs;

    @Option(names = "--step-seconds", description = "Measured seconds per step (default: 15; quick: 5).")
    Integer stepSeconds;

    @Option(names = "--ramp-seconds", description = "Ramp to each step's users (default: 2; quick: 1).")
    Integer rampSeconds;

    @Option(
            names = "--warmup-seconds",
            description = "Unrecorded warm-up per variant, 0 for none (default: 20; quick: 8).")
    Integer warmupSeconds;

    @Option(names = "--warmup-users", description = "Users during the warm-up (default: 200).")
    Integer warmupUsers;

    @Option(
            names = "--open-rate",
            description = "Open-model arrivals/s, 0 to skip (default: 1.5 x 200 threads / delay).")
    Integer openRate;

    @Option(names = "--open-seconds", description = "Open-model step length (default: 10; quick: 5).")
    Integer openSeconds;

    @Option(names = "--out", description = "Output folder (default: results/<timestamp>).")
    Path out;

    @Option(names = "--scenario", description = "ladder (default) or c10k.")
    Scenario scenario = Scenario.ladder;

    @Option(
            names = "--limits",
            paramLabel = "tight|generous|cpu=Q,memory=Q",
            description = "Pod limits for each app: a k8s/overlays/limits-<name> overlay (tight, generous) or "
                    + "Kubernetes quantities such as cpu=500m,memory=448Mi.")
    String limits;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--heap-mib",
            description = "Heap of every app and the stub, -Xms = -Xmx (default: 1024, c10k: 2048, or from --limits).")
    Integer heapMiB;

    @Option(names = "--gc", description = "GC for every app and the stub: G1 (default), Serial or Parallel.")
    String gc = "G1";

    @Option(
            names = "--app-cpus",
            description = "CPUs the app is pinned to (default: 1; the rest go to stub + Gatling).")
    Integer appCpus;

    @Option(
            names = "--request-timeout-ms",
            description = "Gatling's request timeout (default: 10000; c10k: 3 x delay).")
    Integer requestTimeoutMs;

    @Option(
            names = "--app-arg",
            description =
                    "Extra Spring Boot argument for one variant, e.g. mvc:--server.tomcat.threads.max=50 (repeatable).")
    List<String> appArgs = new ArrayList<>();

    @Option(names = "--in-flight", description = "c10k: requests in flight (default: 10000, lowered to fit ulimit -n).")
    Integer inFlight;

    @Override
    public Integer call() throws Exception {
        Path root = RepoRoot.find();
        Path outDir = out != null
                ? out
                : root.resolve("results")
                        .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        LimitsLookup.Applied applied;
        try {
            applied = LimitsLookup.resolve(
                    root, limits, variants != null && !variants.isEmpty() ? variants.getFirst() : "mvc");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        int cpus = appCpus != null ? appCpus : applied.appCpus();
        int heap = heapMiB != null ? heapMiB : applied.heapMiB() != null ? applied.heapMiB() : DEFAULT_HEAP_MIB;
        if (applied.description() != null) {
            System.out.println("Limits: " + applied.description());
        }
        if (scenario == Scenario.c10k) {
            C10kSettings c = C10kSettings.resolve(
                    root,
                    outDir,
                    quick,
                    variantList(List.of("mvc", "mvc-vt", "webflux", "mvc-10k")),
                    inFlight,
                    delayMs,
                    stepSeconds,
                    rampSeconds,
                    warmupSeconds,
                    heapMiB != null ? heapMiB : applied.heapMiB() != null ? applied.heapMiB() : C10K_HEAP_MIB,
                    gc,
                    cpus,
                    requestTimeoutMs,
                    C10K_GATLING_HEAP_MIB);
            return new C10kRun(c, System.out).run().variants().stream().allMatch(v -> v.error() == null) ? 0 : 1;
        }
        CompareSettings settings = settings(root, outDir, cpus, heap, applied.description());
        var results = new CompareRun(settings, System.out).run();
        return results.variants().stream().allMatch(v -> v.error() == null) ? 0 : 1;
    }

    /** The ladder settings after defaults and --quick. */
    CompareSettings settings(Path root, Path outDir, int cpus, int heap, String limitsDescription) {
        int delay = delayMs != null ? delayMs : DEFAULT_DELAY_MS;
        return new CompareSettings(
                root,
                outDir,
                scenario.name(),
                quick,
                variantList(List.of("mvc", "mvc-vt", "webflux")),
                users != null ? users : quick ? QUICK_USERS : DEFAULT_USERS,
                delay,
                pick(stepSeconds, QUICK_STEP_SECONDS, DEFAULT_STEP_SECONDS),
                pick(rampSeconds, QUICK_RAMP_SECONDS, DEFAULT_RAMP_SECONDS),
                pick(warmupSeconds, QUICK_WARMUP_SECONDS, DEFAULT_WARMUP_SECONDS),
                warmupUsers != null ? warmupUsers : DEFAULT_WARMUP_USERS,
                openRate != null
                        ? openRate
                        : (int) Math.round(OPEN_RATE_OVER_CEILING * BOOT_DEFAULT_MAX_THREADS * 1000.0 / delay),
                pick(openSeconds, QUICK_OPEN_SECONDS, DEFAULT_OPEN_SECONDS),
                heap,
                gc,
                cpus,
                requestTimeoutMs != null ? requestTimeoutMs : DEFAULT_REQUEST_TIMEOUT_MS,
                GATLING_HEAP_MIB,
                limitsDescription);
    }

    private int pick(Integer given, int quickValue, int defaultValue) {
        return given != null ? given : quick ? quickValue : defaultValue;
    }

    private List<Variant> variantList(List<String> defaults) {
        List<Variant> list = new ArrayList<>();
        for (String name : variants != null ? variants : defaults) {
            Variant v = Variant.named(name.trim());
            List<String> extra = new ArrayList<>();
            for (String a : appArgs) {
                int colon = a.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("--app-arg needs variant:argument, got " + a);
                }
                if (a.substring(0, colon).equals(v.name())) {
                    extra.add(a.substring(colon + 1));
                }
            }
            list.add(v.withExtraArgs(extra));
        }
        return list;
    }
}
