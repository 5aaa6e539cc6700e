package lab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Bad input on the command line: a one-line message naming the value and what is accepted, and
 * exit 2, before anything starts. (The runs themselves are tested end to end elsewhere.)
 */
class CommandLineTest {

    record Outcome(int status, String out, String err) {}

    static Outcome run(String... args) {
        CommandLine cl = LabMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    @Test
    void anUnknownScenarioIsRefusedWithTheCatalogue() {
        Outcome o = run("compare", "--scenario", "nope");

        assertThat(o.status()).isEqualTo(LabMain.USAGE_ERROR);
        assertThat(o.err().lines().toList()).hasSize(1);
        assertThat(o.err()).contains("unknown scenario 'nope'", "ladder", "slowdown", "c10k");
    }

    @Test
    void aDelayOnAnEndpointWithoutDownstreamIsRefused() {
        Outcome o = run("compare", "--scenario", "cpu", "--delay-ms", "50");

        assertThat(o.status()).isEqualTo(LabMain.USAGE_ERROR);
        assertThat(o.err()).contains("--delay-ms", "/api/cpu");
    }

    @Test
    void valuesOutOfRangeAreRefusedBeforeAnythingStarts() {
        for (List<String> args : List.of(
                List.of("compare", "--users", "0"),
                List.of("compare", "--variants", "mvc,mvc-virtual"),
                List.of("compare", "--repeat", "0"),
                List.of("compare", "--gc", "Epsilon"),
                List.of("compare", "--app-arg", "nocolon"),
                List.of("compare", "--users", "abc"))) {
            Outcome o = run(args.toArray(String[]::new));
            assertThat(o.status()).as("%s", args).isEqualTo(LabMain.USAGE_ERROR);
            assertThat(o.err()).as("%s", args).startsWith("ERROR: ");
        }
    }

    @Test
    void scenariosListsTheCatalogueOneLineEach() {
        Outcome o = run("scenarios");

        assertThat(o.status()).isZero();
        assertThat(o.out().lines().toList())
                .hasSizeGreaterThanOrEqualTo(9)
                .anyMatch(l -> l.startsWith("ladder ") && l.contains("users"))
                .anyMatch(l -> l.startsWith("slowdown "));
    }

    @Test
    void sizeTakesKubernetesQuantitiesAndRefusesBadOnes() {
        Outcome ok = run("size", "--memory", "384Mi", "--heap-percent", "50", "--stack", "1m", "--threads", "200");
        Outcome bad = run("size", "--memory", "lots");
        Outcome missing = run("size", "--threads", "200");

        assertThat(ok.status()).isZero();
        assertThat(ok.out()).contains("memory limit", "384.0 MiB", "typical RSS");
        assertThat(bad.status()).isEqualTo(LabMain.USAGE_ERROR);
        assertThat(bad.err()).contains("lots");
        assertThat(missing.status()).isEqualTo(LabMain.USAGE_ERROR);
        assertThat(missing.err()).contains("--memory");
    }

    @Test
    void sizeCountsTheCollectorThePodNames() {
        // half a CPU: ergonomics would pick Serial, the overlays name G1 and its remembered sets count
        Outcome ergonomic = run("size", "--memory", "448Mi", "--heap-percent", "30", "--cpu", "500m");
        Outcome g1 = run("size", "--memory", "448Mi", "--heap-percent", "30", "--cpu", "500m", "--gc", "G1");
        Outcome bad = run("size", "--memory", "448Mi", "--gc", "CMS");

        assertThat(ergonomic.out()).contains("GC 3% of heap");
        assertThat(g1.out()).contains("GC 16% of heap");
        assertThat(bad.status()).isEqualTo(LabMain.USAGE_ERROR);
        assertThat(bad.err().lines().toList()).hasSize(1);
        assertThat(bad.err()).contains("--gc CMS: one of G1, Serial, Parallel, Z, Shenandoah, Epsilon");
    }

    @Test
    void sizePrintsThroughABufferedWriterAsPicocliGivesIt() {
        // picocli's own out wraps System.out in a buffering writer without autoflush: print alone
        // left ./lab size silent
        CommandLine cl = LabMain.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(new java.io.BufferedWriter(out), false));

        int status = cl.execute("size", "--memory", "448Mi", "--heap-percent", "30", "--threads", "10000");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("memory limit", "448.0 MiB", "threads that fit");
    }
}
