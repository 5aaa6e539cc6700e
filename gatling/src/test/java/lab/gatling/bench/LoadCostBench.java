package lab.gatling.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures what the load generator costs: Gatling's CPU time per request (utime + stime of its
 * JVM from {@code /proc}, per thread group) over each run's steady window, in a warm
 * {@code LoadWorker} or in a fresh {@code RunSimulation} JVM per run. Not a test: a tool, run by
 * hand against a running stub (see docs/gatling.md, "What Gatling costs").
 *
 * <pre>
 * java -cp "$(cat /tmp/gatling-test.cp):gatling/target/classes:gatling/target/test-classes" \
 *   lab.gatling.bench.LoadCostBench --target http://127.0.0.1:PORT --mode warm --runs 3 --cpus 0 \
 *   --simulations StubDelaySimulation,StubDelayDefaultProtocolSimulation \
 *   --prop users=500 --prop delayMs=100 --prop durationSeconds=20 --jvm -Xmx512m
 * </pre>
 */
public final class LoadCostBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long SAMPLE_MILLIS = 100;
    /** Linux reports utime and stime in clock ticks of 1/100 s (USER_HZ). */
    private static final double MILLIS_PER_TICK = 10;

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> jvm = new ArrayList<>();
    private final List<String> simulations = new ArrayList<>();
    private String target;
    private String mode = "warm";
    private int runs = 3;
    private String cpus = "";
    private int warmupSeconds = 20;
    private Path results = Path.of("/tmp/load-cost-bench");
    private final PrintStream out = System.out;

    public static void main(String[] args) throws Exception {
        LoadCostBench bench = new LoadCostBench();
        bench.parse(args);
        bench.run();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = args[++i];
            switch (args[i - 1]) {
                case "--target" -> target = value;
                case "--mode" -> mode = value;
                case "--runs" -> runs = Integer.parseInt(value);
                case "--cpus" -> cpus = value;
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(value);
                case "--results" -> results = Path.of(value);
                case "--simulations" -> simulations.addAll(List.of(value.split(",")));
                case "--jvm" -> jvm.add(value);
                case "--prop" ->
                    properties.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                default -> throw new IllegalArgumentException("unknown argument " + args[i - 1]);
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("--target is required");
        }
        if (simulations.isEmpty()) {
            simulations.add("StubDelaySimulation");
        }
        properties.put("target", target);
        properties.putIfAbsent("assertions", "false");
    }

    private void run() throws Exception {
        out.printf(
                "mode=%s jvm=%s props=%s cpus=%s load=%s%n",
                mode,
                jvm,
                properties,
                cpus,
                Files.readString(Path.of("/proc/loadavg")).trim());
        out.println("mode  simulation                          run  window_s  requests     rps  cpu_ms  ms/req  "
                + "[ms/req by thread group]  whole-process ms/req");
        if (mode.equals("warm")) {
            warm();
        } else {
            for (int run = 1; run <= runs; run++) {
                for (String simulation : simulations) {
                    fresh(simulation, run);
                }
            }
        }
    }

    private void warm() throws Exception {
        List<String> command = java();
        command.add("lab.gatling.LoadWorker");
        Process worker = new ProcessBuilder(command)
                .redirectError(results.resolve("worker.err").toFile())
                .start();
        Sampler sampler = new Sampler(worker.pid());
        sampler.start();
        try (PrintStream commands = new PrintStream(worker.getOutputStream(), true, StandardCharsets.UTF_8);
                BufferedReader answers =
                        new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            answers.readLine(); // ready
            Map<String, String> warmup = new LinkedHashMap<>(properties);
            warmup.put("durationSeconds", Integer.toString(warmupSeconds));
            commands.println(command("warmup", simulations.getFirst(), warmup));
            report("warm", simulations.getFirst() + "(warm-up)", 0, JSON.readTree(answers.readLine()), sampler, null);
            for (int run = 1; run <= runs; run++) {
                for (String simulation : simulations) {
                    commands.println(command("run" + run, simulation, properties));
                    report("warm", simulation, run, JSON.readTree(answers.readLine()), sampler, null);
                }
            }
        } finally {
            sampler.stop();
            worker.waitFor(30, TimeUnit.SECONDS);
            worker.destroyForcibly();
        }
    }

    private void fresh(String simulation, int run) throws Exception {
        List<String> command = java();
        properties.forEach((name, value) -> command.add(command.size() - 2, "-D" + name + "=" + value));
        command.addAll(List.of(
                "lab.gatling.RunSimulation",
                "--simulation",
                simulation.split("\\+")[0],
                "--results-folder",
                results.toString(),
                "--no-reports"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(results.resolve("fresh.log").toFile())
                .start();
        Sampler sampler = new Sampler(process.pid());
        sampler.start();
        process.waitFor();
        double wholeCpu = sampler.lastTotalMillis();
        sampler.stop();
        String runDir = Files.readAllLines(results.resolve("fresh.log")).stream()
                .filter(line -> line.startsWith("RUN_DIR="))
                .reduce((a, b) -> b)
                .orElseThrow()
                .substring("RUN_DIR=".length());
        JsonNode windows = JSON.readTree(Path.of(runDir).resolve("windows.json").toFile());
        JsonNode stats =
                JSON.readTree(Path.of(runDir).resolve("step-stats.json").toFile());
        long requests = stats.get("ok").asLong() + stats.get("ko").asLong();
        JsonNode answer = JSON.createObjectNode().set("windows", windows);
        report("fresh", simulation, run, answer, sampler, wholeCpu / requests);
    }

    private List<String> java() throws IOException {
        Files.createDirectories(results);
        List<String> command = new ArrayList<>();
        if (!cpus.isEmpty()) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        return command;
    }

    /** {@code Name} or {@code Name+property=value+...}: a simulation with properties of its own (an A/B arm). */
    private String command(String id, String arm, Map<String, String> props) {
        String[] parts = arm.split("\\+");
        Map<String, String> all = new LinkedHashMap<>(props);
        for (int i = 1; i < parts.length; i++) {
            all.put(parts[i].substring(0, parts[i].indexOf('=')), parts[i].substring(parts[i].indexOf('=') + 1));
        }
        return JSON.writeValueAsString(Map.of(
                "id",
                id,
                "simulation",
                parts[0],
                "properties",
                all,
                "resultsFolder",
                results.toString(),
                "htmlReport",
                false));
    }

    private void report(String mode, String simulation, int run, JsonNode answer, Sampler sampler, Double whole) {
        for (JsonNode window : answer.get("windows")) {
            long from = java.time.Instant.parse(window.get("start").asString()).toEpochMilli();
            long to = java.time.Instant.parse(window.get("end").asString()).toEpochMilli();
            long requests = window.get("ok").asLong() + window.get("ko").asLong();
            double cpu = sampler.totalAt(to) - sampler.totalAt(from);
            Map<String, Double> groups = sampler.groupsBetween(from, to);
            StringBuilder byGroup = new StringBuilder();
            groups.forEach((group, ms) ->
                    byGroup.append(String.format(Locale.ROOT, " %s=%.4f", group, requests == 0 ? 0 : ms / requests)));
            out.printf(
                    Locale.ROOT,
                    "%-5s %-35s %3d  %8.1f  %8d  %6.0f  %6.0f  %.4f  [%s ]  %s%n",
                    mode,
                    simulation,
                    run,
                    (to - from) / 1000.0,
                    requests,
                    window.get("throughputRps").asDouble(),
                    cpu,
                    requests == 0 ? 0 : cpu / requests,
                    byGroup,
                    whole == null ? "" : String.format(Locale.ROOT, "%.4f", whole));
        }
    }

    /** CPU time of a process every 100 ms, and of its threads grouped by name every 500 ms. */
    private static final class Sampler {

        private static final int THREAD_SAMPLE_EVERY = 5;

        private final long pid;
        private final List<long[]> totals = new CopyOnWriteArrayList<>();
        private final List<ThreadSample> threads = new CopyOnWriteArrayList<>();
        private volatile boolean stopped;
        private Thread thread;

        Sampler(long pid) {
            this.pid = pid;
        }

        void start() {
            thread = new Thread(this::loop, "sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            stopped = true;
            thread.join();
        }

        private void loop() {
            int n = 0;
            while (!stopped) {
                long now = System.currentTimeMillis();
                Long ticks = ticks(Path.of("/proc", Long.toString(pid), "stat"));
                if (ticks == null) {
                    return;
                }
                totals.add(new long[] {now, ticks});
                if (n++ % THREAD_SAMPLE_EVERY == 0) {
                    threads.add(new ThreadSample(now, byGroup()));
                }
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private Map<String, Long> byGroup() {
            Map<String, Long> groups = new TreeMap<>();
            try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    Long ticks = ticks(task.resolve("stat"));
                    String name;
                    try {
                        name = Files.readString(task.resolve("comm")).trim();
                    } catch (IOException e) {
                        continue;
                    }
                    if (ticks != null) {
                        groups.merge(group(name), ticks, Long::sum);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            return groups;
        }

        private static String group(String name) {
            if (name.contains("CompilerThre")) {
                return "jit";
            }
            if (name.startsWith("GC ") || name.startsWith("G1 ") || name.contains("GC Thr")) {
                return "gc";
            }
            if (name.equals("VM Thread")) {
                return "vm"; // safepoints, and the Serial collector's pauses
            }
            if (name.startsWith("gatling")) {
                return "netty";
            }
            return "other";
        }

        /** utime + stime of a stat file, in clock ticks; null when gone. */
        private static Long ticks(Path stat) {
            try {
                String line = Files.readString(stat);
                String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                // fields after the name: state is [0], utime is field 14 overall = [11], stime [12]
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        double lastTotalMillis() {
            return totals.isEmpty() ? 0 : totals.getLast()[1] * MILLIS_PER_TICK;
        }

        /** Total CPU milliseconds at an instant, interpolated between samples. */
        double totalAt(long time) {
            long[] before = null;
            for (long[] sample : totals) {
                if (sample[0] <= time) {
                    before = sample;
                } else {
                    if (before == null) {
                        return sample[1] * MILLIS_PER_TICK;
                    }
                    double share = (double) (time - before[0]) / (sample[0] - before[0]);
                    return (before[1] + share * (sample[1] - before[1])) * MILLIS_PER_TICK;
                }
            }
            return lastTotalMillis();
        }

        /** CPU milliseconds per thread group between the thread samples nearest inside the window. */
        Map<String, Double> groupsBetween(long from, long to) {
            ThreadSample first = null;
            ThreadSample last = null;
            for (ThreadSample sample : threads) {
                if (sample.time >= from && first == null) {
                    first = sample;
                }
                if (sample.time <= to) {
                    last = sample;
                }
            }
            Map<String, Double> groups = new TreeMap<>();
            if (first == null || last == null || last.time <= first.time) {
                return groups;
            }
            double scale = (double) (to - from) / (last.time - first.time);
            for (var entry : last.groups.entrySet()) {
                long before = first.groups.getOrDefault(entry.getKey(), 0L);
                groups.put(entry.getKey(), (entry.getValue() - before) * MILLIS_PER_TICK * scale);
            }
            return groups;
        }

        private record ThreadSample(long time, Map<String, Long> groups) {}
    }
}
