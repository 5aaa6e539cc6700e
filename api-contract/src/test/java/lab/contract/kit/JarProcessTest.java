package lab.contract.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kit against the real stub jar: the process life cycle every other module relies on. */
class JarProcessTest {

    private static final Duration EXIT_WAIT = Duration.ofSeconds(20);

    @Test
    void startsOnAFreePortWaitsForReadinessStopsOnSigtermAndClosesTwice() {
        try (JarProcess stub = JarProcess.start("kit-stub", Jars.stub(), DownstreamStub.JVM_ARGS, List.of())) {
            assertThat(stub.port()).isPositive();
            assertThat(stub.baseUrl()).isEqualTo("http://127.0.0.1:" + stub.port());
            assertThat(stub.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(Http.get(stub.baseUrl() + "/actuator/health/readiness").status())
                    .isEqualTo(200);
            assertThat(Files.isRegularFile(stub.logFile())).isTrue();
            assertThat(stub.logFile().toString()).contains("target/processes/kit-stub-");
            assertThat(stub.process().info().arguments())
                    .as("runs a private copy, immune to rebuilds")
                    .hasValueSatisfying(args ->
                            assertThat(String.join(" ", args)).contains("target/processes/jars/downstream-stub-"));

            stub.sigterm();
            stub.awaitExit(EXIT_WAIT);
            stub.close(); // and again by try-with-resources: closing a stopped process is harmless

            assertThat(stub.isAlive()).isFalse();
        }
    }

    @Test
    void aJarThatCannotStartFailsWithTheTailOfItsLog() {
        assertThatThrownBy(() -> JarProcess.builder("kit-broken", Jars.stub())
                        .jvmArgs(DownstreamStub.JVM_ARGS)
                        .appArgs("--server.port=not-a-port")
                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not start kit-broken")
                .hasMessageContaining("not-a-port");
    }

    @Test
    void sharedStubIsOneProcessWithTheAdminEndpoint() {
        DownstreamStub first = DownstreamStub.shared();
        DownstreamStub second = DownstreamStub.shared();

        assertThat(second).isSameAs(first);
        assertThat(Http.get(first.baseUrl() + "/admin/faults").status()).isEqualTo(200);
        assertThat(Http.get(first.baseUrl() + "/delay?ms=1&bytes=3").body()).hasSize(3);
    }

    @Test
    void jarsFindsTheExecutableStubJar() {
        assertThat(Jars.stub()).exists();
        assertThat(Jars.isExecutableJar(Jars.stub())).isTrue();
    }
}
