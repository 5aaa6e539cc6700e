package lab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.runrecord.ResultsFixtures;
import lab.runrecord.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./lab report DIR}: renders a version-2 run; anything else is one line on stderr and exit 2. */
class ReportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int report(String... args) {
        CommandLine lab = LabMain.commandLine();
        lab.setOut(new PrintWriter(out, true));
        lab.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "report";
        System.arraycopy(args, 0, all, 1, args.length);
        return lab.execute(all);
    }

    @Test
    void rendersTheReportOfAVersionTwoRun() throws IOException {
        ResultsJson.write(ResultsFixtures.ladder(), ResultsJson.in(dir));

        assertThat(report(dir.toString())).isZero();

        assertThat(dir.resolve("report.html")).isNotEmptyFile();
        assertThat(dir.resolve("summary.md")).isNotEmptyFile();
        assertThat(out.toString())
                .contains("Report: " + dir.resolve("report.html").toAbsolutePath());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aVersionOneRunIsRefusedInOneLineWithExitTwo() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("report/results-v1.json")) {
            Files.write(ResultsJson.in(dir), in.readAllBytes());
        }

        assertThat(report(dir.toString())).isEqualTo(2);

        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .startsWith("lab report: " + ResultsJson.in(dir))
                .contains("schema version 1", "re-run ./lab compare");
        assertThat(dir.resolve("report.html")).doesNotExist();
    }

    @Test
    void aFolderWithoutResultsIsExitTwo() {
        assertThat(report(dir.toString())).isEqualTo(2);

        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .startsWith("lab report: no results.json in " + dir.toAbsolutePath());
    }

    @Test
    void somethingThatIsNotAFolderIsExitTwo() {
        assertThat(report(dir.resolve("missing").toString())).isEqualTo(2);

        assertThat(err.toString().lines()).singleElement().asString().contains("is not a folder");
    }
}
