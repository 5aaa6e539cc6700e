package lab.runner.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import lab.variants.App;

/** The repository root seen from the module's tests, and a clear failure when the jars are not built. */
final class Jars {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private Jars() {}

    static void requireBuilt() {
        for (App app : App.values()) {
            Path jar = app.jar();
            assertThat(Files.isRegularFile(ROOT.resolve(jar)))
                    .as(jar + " must be built first (./mvnw -q -DskipTests install, or the full ./mvnw verify)")
                    .isTrue();
        }
    }

    /** Processes started by this test JVM that are still alive. */
    static long descendants() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .count();
    }
}
