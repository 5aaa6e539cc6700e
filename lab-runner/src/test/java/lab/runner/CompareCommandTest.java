package lab.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import lab.runner.compare.CompareSettings;
import lab.runner.compare.Variant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CompareCommandTest {

    private static CompareSettings parse(String... args) {
        CompareCommand command = new CompareCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings(Path.of("/repo"), Path.of("/out"), 1, 256, null);
    }

    @Test
    void defaultsAreTheFullLadderOfTheThreeVariants() {
        CompareSettings s = parse();
        assertThat(s.variants()).extracting(Variant::name).containsExactly("mvc", "mvc-vt", "webflux");
        assertThat(s.users()).containsExactly(50, 100, 200, 400, 800, 1600, 3200);
        assertThat(s.delayMs()).isEqualTo(100);
        assertThat(s.warmupSeconds()).isEqualTo(20);
        // 1.5 x 200 threads / 0.1 s: above what MVC's default pool can serve
        assertThat(s.openModelRate()).isEqualTo(3000);
    }

    @Test
    void quickIsShorterButKeepsAllVariants() {
        CompareSettings full = parse();
        CompareSettings quick = parse("--quick");
        assertThat(quick.variants()).hasSameSizeAs(full.variants());
        assertThat(quick.users().size()).isLessThan(full.users().size());
        assertThat(quick.stepSeconds()).isLessThan(full.stepSeconds());
        assertThat(quick.warmupSeconds()).isPositive().isLessThan(full.warmupSeconds());
    }

    @Test
    void explicitOptionsWinOverQuickDefaults() {
        CompareSettings s = parse(
                "--quick",
                "--users",
                "4,32",
                "--delay-ms",
                "200",
                "--step-seconds",
                "9",
                "--variants",
                "mvc,webflux",
                "--app-arg",
                "mvc:--server.tomcat.threads.max=4",
                "--open-rate",
                "0");
        assertThat(s.users()).containsExactly(4, 32);
        assertThat(s.stepSeconds()).isEqualTo(9);
        assertThat(s.openModelRate()).isZero();
        assertThat(s.variants().get(0).extraArgs()).containsExactly("--server.tomcat.threads.max=4");
        assertThat(s.variants().get(1).extraArgs()).isEmpty();
    }

    @Test
    void unknownVariantsAndBadValuesAreRefused() {
        assertThatThrownBy(() -> parse("--variants", "spring-classic")).hasMessageContaining("unknown variant");
        assertThatThrownBy(() -> parse("--delay-ms", "0")).hasMessageContaining("delay-ms");
    }

    @Test
    void badLimitsExitWithStatusTwoAndOneLineBeforeAnythingStarts() {
        var err = new java.io.StringWriter();
        CommandLine cl = LabMain.commandLine();
        cl.setErr(new java.io.PrintWriter(err));

        int status = cl.execute("compare", "--limits", "cpu=abc,memory=448Mi", "--out", "/nonexistent/never-made");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString().strip())
                .startsWith("ERROR: --limits cpu=abc is not a CPU quantity")
                .doesNotContain("\n");
        assertThat(Path.of("/nonexistent/never-made")).doesNotExist();
    }
}
