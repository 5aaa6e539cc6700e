package lab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.runner.bench.Launch;
import lab.runrecord.ResultsJson;
import lab.runrecord.RunResults;
import lab.scenario.Catalogue;
import lab.scenario.Overrides;
import lab.variants.App;
import lab.variants.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Variants that cannot run are recorded with why, the others still run, and no process is left behind. */
class RunFailuresTest {

    @Test
    void failingVariantsAreRecordedAndEveryProcessIsStopped(@TempDir Path out) throws Exception {
        Path real = EndToEndRunTest.ROOT;
        assertThat(EndToEndRunTest.descendants()).isZero();
        // a repository where only the stub and the mvc jar are built: webflux's jar is missing
        Path root = Files.createDirectories(out.resolve("repo"));
        for (App app : List.of(App.STUB, App.MVC)) {
            Path link = root.resolve(app.jar());
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, real.resolve(app.jar()));
        }
        var spec = new Overrides(false, List.of("webflux", "mvc"), List.of(2), 100, 1, 0, 0, 0, null, 10_000, 1, 2, 0)
                .apply(Catalogue.load(real).resolve("ladder", real));
        List<Launch> launches =
                List.of(Launch.of(Variant.WEBFLUX), new Launch(Variant.MVC, List.of("--server.port=not-a-port")));
        TestRuns.Outcome outcome = TestRuns.run(root, out.resolve("run"), spec, launches, 128);
        RunResults results = outcome.results();

        assertThat(results.variants()).hasSize(2);
        assertThat(results.variants().get(0).failure().kind()).isEqualTo("start-failed");
        assertThat(results.variants().get(0).failure().message()).contains("missing", "webflux-app.jar");
        assertThat(results.variants().get(1).failure().message()).contains("exited during start-up");
        assertThat(ResultsJson.read(ResultsJson.in(out.resolve("run")))
                        .variants()
                        .get(1)
                        .failure())
                .isNotNull();
        assertThat(outcome.printed()).contains("[webflux] FAILED", "[mvc] FAILED");
        assertThat(EndToEndRunTest.descendants()).isZero();
    }
}
