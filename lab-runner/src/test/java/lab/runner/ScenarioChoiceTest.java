package lab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./lab compare --scenario NAME}: a name or an override it cannot take is bad input, refused before anything starts. */
class ScenarioChoiceTest {

    private final StringWriter err = new StringWriter();

    private int lab(String... args) {
        CommandLine cl = LabMain.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void anUnknownScenarioGetsTheListAndExit2() {
        assertThat(lab("compare", "--scenario", "ladders")).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("ERROR: unknown scenario 'ladders'; known: blocking-io, c10k, coldstart, cpu, fanout,"
                        + " ladder, offloaded-io, pool, slowdown (or a path to a .yaml file)")
                .contains("./lab compare --help")
                .hasLineCount(1);
    }

    @Test
    void aDelayOnAnEndpointWithoutADownstreamGetsExit2() {
        assertThat(lab("compare", "--scenario", "cpu", "--delay-ms", "200")).isEqualTo(2);
        assertThat(err.toString()).contains("--delay-ms: /api/cpu (scenario cpu) calls no downstream");
    }
}
