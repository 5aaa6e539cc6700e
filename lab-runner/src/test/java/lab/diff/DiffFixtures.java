package lab.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import lab.runrecord.Environment;
import lab.runrecord.Measurement;
import lab.runrecord.Reproduction;
import lab.runrecord.ResultsJson;
import lab.runrecord.RunResults;
import lab.runrecord.ScenarioSpec;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;
import tools.jackson.databind.node.ObjectNode;

/**
 * Minimal {@link RunResults} built in code for the diff's tests: a run of variants whose steps have
 * per-repeat throughput, p99 and CPU per request, with the spread computed from those repeats as the
 * runner does (median, min, max). Written as a run folder with {@link #write}.
 */
public final class DiffFixtures {

    /** The fixtures' p50 is their p99 divided by this: a plausible shape, not used by the diff. */
    private static final double P99_OVER_P50 = 1.2;

    private DiffFixtures() {}

    public static Run run() {
        return new Run();
    }

    public static Step step(String id) {
        return new Step(id);
    }

    /** Writes {@code results.json} into a new run folder and returns the folder. */
    public static Path write(RunResults results, Path folder) throws IOException {
        Files.createDirectories(folder);
        ResultsJson.mapper().writeValue(folder.resolve(ResultsFile.NAME).toFile(), results);
        return folder;
    }

    /** One step; defaults are a steady, valid 400-user step of three tight repeats. */
    public static final class Step {
        private final String id;
        private Integer users = 400;
        private Integer rate;
        private double[] throughput = {1000, 1005, 995};
        private double[] p99 = {110, 112, 108};
        private double[] cpu = {0.200, 0.201, 0.199};
        private Double throughputCv = 0.03;
        private Double p99Cv;
        private Double cpuCv;
        private List<String> invalid = List.of();
        private StepRun.Bottleneck.Cause bottleneck = StepRun.Bottleneck.Cause.LOAD;

        private Step(String id) {
            this.id = id;
            if (id.startsWith("u")) {
                users = Integer.parseInt(id.substring(1));
            } else if (id.startsWith("open")) {
                users = null;
                rate = Integer.parseInt(id.substring("open".length()));
            }
        }

        public Step throughput(double... perRepeat) {
            throughput = perRepeat;
            return this;
        }

        public Step p99(double... perRepeat) {
            p99 = perRepeat;
            return this;
        }

        public Step cpu(double... perRepeat) {
            cpu = perRepeat;
            return this;
        }

        /** Per-second coefficients of variation of throughput, p99 and CPU (null: no series). */
        public Step perSecondCv(Double throughputCv, Double p99Cv, Double cpuCv) {
            this.throughputCv = throughputCv;
            this.p99Cv = p99Cv;
            this.cpuCv = cpuCv;
            return this;
        }

        public Step invalid(String... reasons) {
            invalid = List.of(reasons);
            return this;
        }

        public Step bottleneck(StepRun.Bottleneck.Cause cause) {
            bottleneck = cause;
            return this;
        }

        StepRun build() {
            int n = throughput.length;
            if (p99.length != n || cpu.length != n) {
                throw new IllegalArgumentException("one value per repeat for every figure");
            }
            List<Measurement> repeats = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                repeats.add(measurement(i + 1, throughput[i], p99[i], cpu[i]));
            }
            boolean open = rate != null;
            return new StepRun(
                    id,
                    new StepRun.StepLoad(open ? "open" : "closed", users, rate, 2, 15),
                    repeats,
                    new StepRun.Spread(
                            figure(throughput, throughputCv),
                            figure(Arrays.stream(p99).map(v -> v / P99_OVER_P50).toArray(), null),
                            figure(p99, p99Cv),
                            figure(cpu, cpuCv)),
                    new StepRun.Prediction(
                            open ? rate : users / 0.1,
                            "users",
                            users == null ? null : users / 0.1,
                            null,
                            null,
                            null,
                            null,
                            null),
                    new StepRun.Verdict(invalid.isEmpty(), invalid, false, true),
                    new StepRun.Bottleneck(bottleneck, bottleneck.name().toLowerCase() + " figure", 0.5),
                    null);
        }

        private Measurement measurement(int repeat, double rps, double p99Ms, double cpuMs) {
            double cores = rps * cpuMs / 1000;
            return new Measurement(
                    repeat,
                    new Measurement.Window("2026-05-30T10:00:00Z", "2026-05-30T10:00:15Z", 15),
                    new Measurement.Client(
                            rps,
                            rate == null ? null : rate.doubleValue(),
                            Math.round(rps * 15),
                            0,
                            Map.of(),
                            new Measurement.Latency(p99Ms / 1.1, p99Ms / P99_OVER_P50, p99Ms / 1.05, p99Ms, p99Ms * 2)),
                    new Measurement.Server(100.0, p99Ms - 5, 100.0, 1.0),
                    new Measurement.App(
                            cores, cpuMs, 600, 40, 30, 200.0, null, 200.0, null, null, null, null, 3.0, 0, null),
                    null,
                    new Measurement.LoadSide(0.4, 0.1, 0.1, 0.05, 1, 1.0, 0.01),
                    "gatling/" + id + "-" + repeat,
                    List.of());
        }

        private static StepRun.Figure figure(double[] values, Double perSecondCv) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new StepRun.Figure(median, sorted[0], sorted[n - 1], n, perSecondCv);
        }
    }

    /** A run; defaults are JDK 25.0.3, Boot 4.0.7, a quiet 2-core machine, the ladder with 3 repeats. */
    public static final class Run {
        private String jdk = "25.0.3";
        private String boot = "4.0.7";
        private String commit = "0123456789abcdef0123456789abcdef01234567";
        private String cpuModel = "Intel(R) Xeon(R) CPU @ 2.20GHz";
        private int repeats = 3;
        private final List<VariantRun> variants = new ArrayList<>();

        public Run jdk(String version) {
            jdk = version;
            return this;
        }

        public Run boot(String version) {
            boot = version;
            return this;
        }

        public Run commit(String sha) {
            commit = sha;
            return this;
        }

        public Run cpuModel(String model) {
            cpuModel = model;
            return this;
        }

        public Run repeats(int count) {
            repeats = count;
            return this;
        }

        public Run variant(String name, Step... steps) {
            return variant(name, null, steps);
        }

        public Run variant(String name, VariantRun.Failure failure, Step... steps) {
            boolean webflux = name.equals("webflux");
            ObjectNode settings = ResultsJson.mapper().createObjectNode();
            settings.putObject("server").put("maxThreads", webflux ? 0 : 200);
            variants.add(new VariantRun(
                    name,
                    webflux ? "webflux" : "mvc",
                    webflux ? "event-loop" : name.equals("mvc-vt") ? "virtual-threads" : "thread-per-request",
                    new VariantRun.LaunchInfo(
                            (webflux ? "webflux-app" : "mvc-app") + "/target/app.jar",
                            name.equals("mvc-vt") ? List.of("virtual") : List.of(),
                            List.of(),
                            List.of("-Xms1024m", "-Xmx1024m", "-XX:+UseG1GC"),
                            "/sys/fs/cgroup/lab-" + System.nanoTime()),
                    settings,
                    new VariantRun.RuntimeInfo(1, 1L << 30, List.of("G1 Young Generation"), 200, null, null),
                    8.5,
                    new VariantRun.WarmupResult(200, 20, true, 12.0, "3 chunks within 5 %", List.of()),
                    new VariantRun.Ceilings(200, 5.0, 1900.0, 0.2, 5000.0),
                    Arrays.stream(steps).map(Step::build).toList(),
                    failure));
            return this;
        }

        public RunResults build() {
            List<String> appFlags = List.of("-Xms1024m", "-Xmx1024m", "-XX:+UseG1GC", "-XX:ActiveProcessorCount=1");
            return new RunResults(
                    RunResults.SCHEMA_VERSION,
                    new Reproduction(
                            commit,
                            false,
                            List.of("compare", "--out", "results/run-" + System.nanoTime()),
                            new Reproduction.Versions(jdk, boot, "7.0.2", "1.3.1", "11.0.10", "3.15.1")),
                    new Environment(
                            new Environment.Machine(
                                    "Linux amd64", "6.1.0", cpuModel, 2, 24105, 20000, "/usr/lib/jvm/jdk-" + jdk),
                            new Environment.CpuSplit(
                                    List.of(1), List.of(0), 1.0, true, false, "app on CPU 1, stub + Gatling on CPU 0"),
                            null,
                            new Environment.JvmFlagsInfo(appFlags, appFlags, List.of("-Xms512m", "-Xmx512m")),
                            "2026-05-30T10:00:00Z",
                            "2026-05-30T10:11:00Z"),
                    new ScenarioSpec(
                            "ladder",
                            "The ladder",
                            "closed-model ladder on /api/io plus one open-model step",
                            new ScenarioSpec.Request("/api/io", Map.of("delayMs", 100)),
                            variants.stream().map(VariantRun::name).toList(),
                            List.of(),
                            new ScenarioSpec.Load("ladder", List.of(50, 100, 200, 400), 15, 2, 1, 3000, 10, 10000),
                            List.of(),
                            new ScenarioSpec.Prediction("littles-law", "users / latency, capped"),
                            "MVC stops at its thread ceiling",
                            repeats,
                            new ScenarioSpec.Warmup(200, 5, 3, 0.05, 60),
                            new ScenarioSpec.Quick(List.of(50, 400), 5, 5, 1, 30)),
                    variants);
        }
    }
}
