package lab.runner;

import static lab.diff.DiffFixtures.run;
import static lab.diff.DiffFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.diff.DiffFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./lab diff} through picocli, as the launcher runs it: exit codes and what it prints. */
class DiffCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path baseline;
    private Path slower;

    @BeforeEach
    void runs() throws IOException {
        baseline = DiffFixtures.write(
                run().variant("webflux", step("u400"), step("u1600")).build(), dir.resolve("a"));
        slower = DiffFixtures.write(
                run().variant("webflux", step("u400"), step("u1600").throughput(800, 804, 796))
                        .build(),
                dir.resolve("b"));
    }

    private int lab(String... args) {
        CommandLine cl = LabMain.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aRegressionIsDataExitZero() {
        Path target = dir.resolve("diff");

        int code = lab("diff", baseline.toString(), slower.toString(), "--out", target.toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("2 shared steps x 3 figures: 1 worse, 0 better beyond the noise")
                .contains("worse   webflux u1600 throughput 1,000 rps -> 800 rps (-20.0 %)")
                .contains(target.resolve("diff.md").toAbsolutePath().toString());
        assertThat(target.resolve("diff.md")).exists();
        assertThat(target.resolve("diff.html")).exists();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void failOnRegressionExitsOneOnlyWhenSomethingGotWorse() {
        assertThat(lab(
                        "diff",
                        baseline.toString(),
                        slower.toString(),
                        "--out",
                        dir.resolve("d1").toString(),
                        "--fail-on-regression"))
                .isEqualTo(DiffCommand.EXIT_REGRESSION);
        // the other way round, B is faster: better is no failure
        assertThat(lab(
                        "diff",
                        slower.toString(),
                        baseline.toString(),
                        "--out",
                        dir.resolve("d2").toString(),
                        "--fail-on-regression"))
                .isZero();
    }

    @Test
    void badInputExitsTwoWithOneLineAndWritesNothing() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path target = dir.resolve("diff");

        assertThat(lab("diff", baseline.toString(), empty.toString(), "--out", target.toString()))
                .isEqualTo(DiffCommand.EXIT_BAD_INPUT);
        assertThat(err.toString())
                .isEqualTo("ERROR: no results.json in " + empty + " (run B): not a run folder of ./lab compare"
                        + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
        assertThat(target).doesNotExist();
    }

    @Test
    void runsWithNoStepInCommonExitTwo() throws IOException {
        Path other = DiffFixtures.write(run().variant("mvc", step("u50")).build(), dir.resolve("other"));

        assertThat(lab(
                        "diff",
                        baseline.toString(),
                        other.toString(),
                        "--out",
                        dir.resolve("x").toString()))
                .isEqualTo(DiffCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).startsWith("ERROR: no step in common: ").contains("webflux (u400, u1600)");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aMissingArgumentIsAUsageErrorExitTwo() {
        assertThat(lab("diff", baseline.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'RUN_B'");
    }
}
