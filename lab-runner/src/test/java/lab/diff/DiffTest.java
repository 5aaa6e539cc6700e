package lab.diff;

import static lab.diff.DiffFixtures.run;
import static lab.diff.DiffFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.runrecord.ResultsJson;
import lab.runrecord.RunResults;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Two run folders written from fixtures, diffed end to end through {@link Diff#make}. */
class DiffTest {

    @TempDir
    Path dir;

    private Diff.Outcome diff(RunResults a, RunResults b) throws IOException {
        return Diff.make(
                DiffFixtures.write(a, dir.resolve("jdk21")), DiffFixtures.write(b, dir.resolve("jdk25")), out());
    }

    private Path out() {
        return dir.resolve("diff");
    }

    private String markdown() throws IOException {
        return Files.readString(out().resolve(Diff.MARKDOWN));
    }

    @Test
    void aPlantedTwentyPercentThroughputDropIsFlaggedWorse() throws IOException {
        RunResults a = run().variant("webflux", step("u400"), step("u1600")).build();
        RunResults b = run().variant("webflux", step("u400"), step("u1600").throughput(800, 804, 796))
                .build();

        Diff.Outcome outcome = diff(a, b);

        assertThat(outcome.worse()).isEqualTo(1);
        assertThat(outcome.better()).isZero();
        assertThat(markdown())
                .contains("Worse beyond the noise:")
                .contains(
                        "- webflux u1600 throughput 1,000 rps → 800 rps (−20.0 %); ranges apart, beyond the 5 % floor")
                .contains("| u1600 | 1,600 users | 1,000 [995–1,005] | 800 [796–804] | **−20.0 % worse** |");
        assertThat(outcome.summary()).contains("  worse   webflux u1600 throughput 1,000 rps -> 800 rps (-20.0 %)");
        assertThat(outcome.summary()).allMatch(l -> l.chars().allMatch(c -> c < 128), "ASCII on the console");
    }

    @Test
    void aThreePercentChangeInsideTheNoiseIsNotFlagged() throws IOException {
        RunResults a =
                run().variant("mvc", step("u400").throughput(1000, 1040, 960)).build();
        RunResults b =
                run().variant("mvc", step("u400").throughput(1030, 1070, 990)).build();

        Diff.Outcome outcome = diff(a, b);

        assertThat(outcome.worse()).isZero();
        assertThat(outcome.better()).isZero();
        assertThat(markdown())
                .contains("| u400 | 400 users | 1,000 [960–1,040] | 1,030 [990–1,070] | +3.0 % noise |")
                .doesNotContain("Better beyond the noise")
                .doesNotContain("Worse beyond the noise");
    }

    @Test
    void aHigherP99IsWorseAndLessCpuPerRequestIsBetter() throws IOException {
        RunResults a = run().variant("mvc", step("u800")).build();
        RunResults b = run().variant("mvc", step("u800").p99(140, 142, 138).cpu(0.150, 0.151, 0.149))
                .build();

        Diff.Outcome outcome = diff(a, b);

        assertThat(outcome.worse()).isEqualTo(1);
        assertThat(outcome.better()).isEqualTo(1);
        assertThat(markdown())
                .contains("- mvc u800 p99 110 ms → 140 ms (+27.3 %)")
                .contains("- mvc u800 CPU per request 0.200 ms → 0.150 ms (−25.0 %)")
                .contains("**+27.3 % worse**")
                .contains("**−25.0 % better**");
    }

    @Test
    void aSingleRepeatIsJudgedOnThePerSecondSpreadAndSaysTheEvidenceIsWeaker() throws IOException {
        RunResults a = run().repeats(1)
                .variant("mvc", step("u400").throughput(1000).p99(110).cpu(0.2).perSecondCv(0.03, null, null))
                .build();
        RunResults b = run().repeats(1)
                .variant("mvc", step("u400").throughput(880).p99(200).cpu(0.2).perSecondCv(0.04, null, null))
                .build();

        Diff.Outcome outcome = diff(a, b);

        // -12 % against a threshold of max(5 %, 2 x 4 %) = 8 %; p99 has no per-second series: not judged
        assertThat(outcome.worse()).isEqualTo(1);
        assertThat(markdown())
                .contains("1 repeat: threshold 8 % = max(5 %, 2 × per-second CV 4 %)")
                .contains("weaker evidence")
                .contains("| 1,000 [1×, CV 3 %] | 880 [1×, CV 4 %] | **−12.0 % worse** |")
                .contains("+81.8 % not judged");
    }

    @Test
    void invalidStepsAreShownButNeverFlagged() throws IOException {
        RunResults a = run().variant("webflux", step("u1600")).build();
        RunResults b = run().variant(
                        "webflux",
                        step("u1600")
                                .throughput(600, 604, 596)
                                .invalid("load side saturated: Gatling 0.72 + stub 0.20 of 1 CPU"))
                .build();

        Diff.Outcome outcome = diff(a, b);

        assertThat(outcome.worse()).isZero();
        assertThat(markdown())
                .contains("| 1,000 [995–1,005] | 600 [596–604] | −40.0 % not judged |")
                .contains("invalid in B: load side saturated: Gatling 0.72 + stub 0.20 of 1 CPU")
                .contains("an invalid step measures the load side or the machine, not the app");
    }

    @Test
    void differentLaddersAreComparedOnTheStepsTheyShareAndTheRestIsListed() throws IOException {
        RunResults a = run().variant("mvc", step("u50"), step("u100"), step("u200"), step("open3000"))
                .variant("mvc-vt", step("u100"))
                .build();
        RunResults b = run().variant("mvc", step("u100"), step("u200"), step("u400"))
                .variant("webflux", step("u100"), step("u200"))
                .build();

        diff(a, b);

        String md = markdown();
        assertThat(md).contains("2 shared steps ×").contains("## mvc\n").doesNotContain("## webflux");
        assertThat(md.lines().filter(l -> l.startsWith("| u")).toList())
                .extracting(l -> l.split(" \\| ")[0])
                .containsExactly("| u100", "| u200");
        assertThat(md)
                .contains("Only in A (not compared):\n\n- mvc: u50, open3000\n- mvc-vt (whole variant: u100)")
                .contains("Only in B (not compared):\n\n- mvc: u400\n- webflux (whole variant: u100, u200)");
    }

    @Test
    void setupDifferencesComeFirstAndIdenticalSettingsStayOutOfTheTable() throws IOException {
        RunResults a =
                run().jdk("21.0.5").boot("4.0.6").variant("mvc", step("u400")).build();
        RunResults b =
                run().jdk("25.0.3").boot("4.0.7").variant("mvc", step("u400")).build();

        diff(a, b);

        String md = markdown();
        String differs = md.substring(md.indexOf("## What differs"), md.indexOf("<details>"));
        assertThat(differs)
                .contains("| `reproduce.versions.jdk` | 21.0.5 | 25.0.3 |")
                .contains("| `reproduce.versions.springBoot` | 4.0.6 | 4.0.7 |")
                .contains("| `environment.machine.jdkHome` | /usr/lib/jvm/jdk-21.0.5 | /usr/lib/jvm/jdk-25.0.3 |")
                .doesNotContain("cpuModel")
                .doesNotContain("startedAt")
                .doesNotContain("cgroup");
        assertThat(md.indexOf("## What differs")).isLessThan(md.indexOf("## Summary"));
        assertThat(md).contains("| `environment.machine.cpuModel` | Intel(R) Xeon(R) CPU @ 2.20GHz |");
        assertThat(md).contains("| `variants.mvc.settings.server.maxThreads` | 200 |");
    }

    @Test
    void failedVariantsAndChangedBottlenecksAreNoted() throws IOException {
        RunResults a = run().variant("mvc-vt", step("u400")).build();
        RunResults b = run().variant(
                        "mvc-vt",
                        new VariantRun.Failure("out-of-memory", "OutOfMemoryError, see mvc-vt.log", "open3000"),
                        step("u400").bottleneck(StepRun.Bottleneck.Cause.CPU))
                .build();

        diff(a, b);

        assertThat(markdown())
                .contains("- mvc-vt stopped early in B (out-of-memory at open3000): OutOfMemoryError, see mvc-vt.log")
                .contains("bottleneck: A load (load figure), B cpu (cpu figure)");
    }

    @Test
    void theHtmlPageIsSelfContainedAndCarriesTheSameCalls() throws IOException {
        RunResults a = run().variant("mvc", step("u400"))
                .variant("webflux", step("u400"), step("u1600"))
                .build();
        RunResults b = run().variant("mvc", step("u400"))
                .variant("webflux", step("u400"), step("u1600").throughput(800, 804, 796))
                .build();

        diff(a, b);

        Document page = Jsoup.parse(out().resolve(Diff.HTML).toFile());
        assertThat(page.select("script[src], link[href], img[src], iframe")).isEmpty();
        assertThat(page.select("style").html()).contains("td.worse");
        assertThat(page.select("script:not([type])").html()).contains("echarts").contains("data-charts-rendered");
        assertThat(page.select("#variant-webflux td.worse").text()).isEqualTo("−20.0 % worse");
        assertThat(page.select("td.worse")).hasSize(1);
        assertThat(page.select("#summary ul.worse li").text()).contains("webflux u1600 throughput");
        assertThat(page.select("#setup table.settings").first().text()).contains("reproduce.commandLine");

        JsonNode charts = ResultsJson.mapper()
                .readTree(page.getElementById(HtmlDiff.CHARTS_ELEMENT).data());
        assertThat(charts.path("variants")).hasSize(2);
        JsonNode webflux = charts.path("variants").get(1);
        assertThat(webflux.path("name").stringValue()).isEqualTo("webflux");
        assertThat(page.getElementById(webflux.path("id").stringValue())).isNotNull();
        JsonNode throughput = webflux.path("metrics").get(0);
        assertThat(throughput.path("key").stringValue()).isEqualTo("throughput");
        assertThat(throughput.path("b").get(1).path("min").asDouble()).isEqualTo(796);
        assertThat(throughput.path("calls").get(1).stringValue()).isEqualTo("worse");
    }

    @Test
    void aFolderWithoutResultsJsonIsRefusedByName() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path good = DiffFixtures.write(run().variant("mvc", step("u400")).build(), dir.resolve("good"));

        assertThatThrownBy(() -> Diff.make(good, empty, out()))
                .isInstanceOf(DiffInputException.class)
                .hasMessage("no results.json in " + empty + " (run B): not a run folder of ./lab compare");
        assertThatThrownBy(() -> Diff.make(dir.resolve("missing"), good, out()))
                .isInstanceOf(DiffInputException.class)
                .hasMessage("no such run folder: " + dir.resolve("missing") + " (run A)");
        assertThat(out()).doesNotExist();
    }

    @Test
    void unreadableAndWrongVersionFilesAreRefusedByName() throws IOException {
        Path good = DiffFixtures.write(run().variant("mvc", step("u400")).build(), dir.resolve("good"));
        Path garbage = Files.createDirectories(dir.resolve("garbage"));
        Files.writeString(garbage.resolve("results.json"), "{\"schemaVersion\": 2, \"variants\": [");
        Path old = Files.createDirectories(dir.resolve("old"));
        Files.writeString(old.resolve("results.json"), "{\"schemaVersion\": 1, \"variants\": []}");
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("results.json"), "{\"schemaVersion\": 2, \"variants\": [{\"name\": 3}]}");

        assertThatThrownBy(() -> Diff.make(good, garbage, out()))
                .isInstanceOf(DiffInputException.class)
                .hasMessageStartingWith(garbage.resolve("results.json") + " is not valid JSON")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Diff.make(old, good, out()))
                .isInstanceOf(DiffInputException.class)
                .hasMessageStartingWith(old.resolve("results.json") + " is schema version 1; this lab reads version 2")
                .hasMessageContaining("re-run ./lab compare");
        assertThatThrownBy(() -> Diff.make(good, broken, out()))
                .isInstanceOf(DiffInputException.class)
                .hasMessageStartingWith(broken.resolve("results.json") + " does not match schema version 2")
                .hasMessageContaining("variants[0]")
                .hasMessageNotContaining("\n");
        assertThat(out()).doesNotExist();
    }

    @Test
    void twoRunsWithNoStepInCommonAreRefusedWithTheMismatch() throws IOException {
        Path a = DiffFixtures.write(
                run().variant("mvc", step("u50"), step("u100")).build(), dir.resolve("a"));
        Path b = DiffFixtures.write(
                run().variant("mvc", step("u400"))
                        .variant("webflux", step("u50"))
                        .build(),
                dir.resolve("b"));

        assertThatThrownBy(() -> Diff.make(a, b, out()))
                .isInstanceOf(DiffInputException.class)
                .hasMessage("no step in common: " + a.resolve("results.json") + " has mvc (u50, u100); "
                        + b.resolve("results.json") + " has mvc (u400), webflux (u50)");
        assertThat(out()).doesNotExist();
    }

    @Test
    void aResultsFileCanBeGivenInsteadOfItsFolder() throws IOException {
        Path a = DiffFixtures.write(run().variant("mvc", step("u400")).build(), dir.resolve("a"));
        Path b = DiffFixtures.write(run().variant("mvc", step("u400")).build(), dir.resolve("b"));

        Diff.Outcome outcome = Diff.make(a.resolve("results.json"), b, out());

        assertThat(outcome.worse()).isZero();
        assertThat(Diff.defaultOut(dir, a.resolve("results.json"), b)).isEqualTo(dir.resolve("diff-a-vs-b"));
    }
}
