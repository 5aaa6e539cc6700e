package lab.runner.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.runner.bench.Launch;
import lab.runner.output.Results;
import lab.runner.output.ResultsFiles;
import lab.variants.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose variants fail after real processes started: it records why and leaves no process behind. */
class FailedRunTest {

    @Test
    void failingVariantsAreRecordedAndEveryProcessIsStopped(@TempDir Path out) throws Exception {
        Jars.requireBuilt();
        assertThat(Jars.descendants()).isZero();
        // a repository where only the stub and the mvc jar are built: webflux's jar is missing
        Path root = Files.createDirectories(out.resolve("repo"));
        for (App app : List.of(App.STUB, App.MVC)) {
            Path link = root.resolve(app.jar());
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Jars.ROOT.resolve(app.jar()));
        }
        Launch missingJar = Launch.named("webflux");
        Launch dies = Launch.named("mvc").withExtraArgs(List.of("--server.port=not-a-port"));
        CompareSettings settings = new CompareSettings(
                root,
                out,
                "ladder",
                false,
                List.of(missingJar, dies),
                List.of(4),
                100,
                2,
                0,
                0,
                1,
                0,
                1,
                256,
                "G1",
                1,
                10_000,
                256,
                null);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Results results = new CompareRun(settings, new PrintStream(buffer, true)).run();

        assertThat(results.variants()).hasSize(2);
        assertThat(results.variants().get(0).error()).contains("missing").contains("webflux-app.jar");
        assertThat(results.variants().get(1).error()).contains("exited during start-up");
        assertThat(ResultsFiles.read(out).variants().get(1).error()).isNotNull();
        assertThat(buffer.toString()).contains("webflux failed").contains("mvc failed");
        assertThat(Jars.descendants()).isZero();
    }
}
