package lab.runner.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lab.runner.LabMain;
import lab.runner.cgroup.Cgroups;
import lab.variants.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./lab demo} as a user runs it, in a child JVM: it starts the stub, both apps and the
 * dashboard, which answers; Ctrl-C (SIGINT) leaves no process and no cgroup behind. Bad options
 * are one line and exit 2 with nothing started.
 */
class DemoCommandTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** A bound, not a measurement: four JVMs start on two busy cores. */
    private static final Duration START = Duration.ofSeconds(240);

    /**
     * A bound, not a measurement: each app under a 0.5-CPU quota shuts down gracefully (up to 20 s)
     * on a machine busy with the rest of the suite; 60 s was once not enough.
     */
    private static final Duration STOP = Duration.ofSeconds(150);

    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

    @Test
    void ctrlCStopsEveryProcessItStarted() throws Exception {
        for (String jar : List.of(App.STUB.jar().toString(), App.MVC.jar().toString(), Demo.DASHBOARD_JAR)) {
            assertThat(ROOT.resolve(jar))
                    .as(jar + " must be built first (the reactor does)")
                    .isRegularFile();
        }
        Process lab = lab("demo", "--port", "0", "--limits", "tight").start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(lab.getInputStream(), StandardCharsets.UTF_8));
            String url =
                    CompletableFuture.supplyAsync(() -> dashboardUrl(out)).get(START.toSeconds(), TimeUnit.SECONDS);
            assertThat(url).as("the dashboard's URL, printed").startsWith("http://127.0.0.1:");

            String state = get(url + "api/state");
            assertThat(state).contains("\"name\":\"mvc\"", "\"name\":\"webflux\"", "\"stub\":\"http://127.0.0.1:");
            lab.descendants().forEach(started::add);
            assertThat(started).as("stub, mvc, webflux and the dashboard").hasSizeGreaterThanOrEqualTo(4);
            if (Cgroups.detect().enforced()) {
                assertThat(cgroupsOf(lab.pid()))
                        .as("each app in a cgroup of the demo's")
                        .isNotEmpty();
            }

            // Ctrl-C; a JVM started in the background (nohup, `&`) inherits SIGINT ignored, and so
            // would the lab: there SIGTERM runs the same shutdown hooks
            signal(sigintIgnored() ? "TERM" : "INT", lab.pid());

            assertThat(lab.waitFor(STOP.toSeconds(), TimeUnit.SECONDS))
                    .as("./lab demo ended")
                    .isTrue();
            assertThat(started).noneMatch(ProcessHandle::isAlive);
            assertThat(cgroupsOf(lab.pid())).as("cgroups left by the demo").isEmpty();
        } finally {
            started.forEach(ProcessHandle::destroyForcibly);
            lab.destroyForcibly();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--port=70000",
                "--variants=mvc,nope",
                "--targets=mvc",
                "--targets=mvc=ftp://x",
                "--stub=not-a-url",
                "--limits=huge",
                "--bind=no host!"
            })
    void badInputIsOneLineAndExit2(String option) throws Exception {
        Process lab = lab("demo", option).redirectErrorStream(true).start();
        try {
            assertThat(lab.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)).isTrue();
            String output = new String(lab.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(lab.exitValue()).as(output).isEqualTo(2);
            assertThat(output).contains(option.substring(0, option.indexOf('=')));
            assertThat(lab.descendants().count()).isZero();
        } finally {
            lab.destroyForcibly();
        }
    }

    private static ProcessBuilder lab(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                LabMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("LAB_HOME", ROOT.toString());
        // every JVM of the demo inherits it: C1 only starts four Boot apps faster on two busy cores
        pb.environment().put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
        return pb;
    }

    private static String dashboardUrl(BufferedReader out) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("Dashboard: ")) {
                    return line.substring("Dashboard: ".length()).split("\\s+")[0];
                }
            }
            return "(./lab demo ended without printing the dashboard's URL)";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            return response.body();
        }
    }

    /** What the terminal sends on Ctrl-C. */
    /** Whether this JVM runs with SIGINT ignored ({@code SigIgn} bit 2 in /proc/self/status). */
    private static boolean sigintIgnored() throws IOException {
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(
                                        line.substring("SigIgn:".length()).trim(), 16)
                                & SIGINT_BIT)
                        != 0;
            }
        }
        return false;
    }

    private static final long SIGINT_BIT = 1L << (2 - 1);

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    /**
     * The lab's cgroups belonging to {@code pid} ({@code <pid>-<start time>} under the lab's parent),
     * in the unified hierarchy (v2) or any controller's (v1).
     */
    private static List<Path> cgroupsOf(long pid) throws IOException {
        List<Path> parents = new ArrayList<>(List.of(CGROUP_ROOT.resolve(Cgroups.PARENT)));
        if (Files.isDirectory(CGROUP_ROOT)) {
            try (Stream<Path> controllers = Files.list(CGROUP_ROOT)) {
                controllers.map(c -> c.resolve(Cgroups.PARENT)).forEach(parents::add);
            }
        }
        List<Path> found = new ArrayList<>();
        for (Path parent : parents) {
            if (Files.isDirectory(parent)) {
                try (Stream<Path> dirs = Files.list(parent)) {
                    dirs.filter(d -> d.getFileName().toString().startsWith(pid + "-"))
                            .forEach(found::add);
                }
            }
        }
        return found;
    }
}
