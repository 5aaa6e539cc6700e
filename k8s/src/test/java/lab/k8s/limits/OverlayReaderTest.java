package lab.k8s.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ./lab compare --limits} reads the overlays without kubectl: it must read what kubectl renders. */
class OverlayReaderTest {

    private static final Path K8S = Path.of("").toAbsolutePath();

    static Stream<Path> kustomizationsWithApps() throws IOException {
        try (Stream<Path> overlays = Files.list(K8S.resolve("overlays"))) {
            List<Path> limits = overlays.filter(p -> p.getFileName().toString().startsWith("limits-"))
                    .sorted()
                    .toList();
            assertThat(limits).hasSizeGreaterThanOrEqualTo(2);
            return Stream.concat(Stream.of(K8S.resolve("base")), limits.stream());
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizationsWithApps")
    void readingTheOverlayWithoutKubectlGivesWhatKubectlRenders(Path dir) {
        var direct = OverlayReader.deployments(dir);

        assertThat(direct).as("%s should be readable without kubectl", dir).isPresent();
        assertThat(OverlayLimits.read(dir)).isEqualTo(OverlayLimits.rendered(dir));
    }

    @Test
    void theTightOverlaysPatchWinsOverTheBase() {
        var tight = OverlayLimits.read(K8S.resolve("overlays/limits-tight"));
        var base = OverlayLimits.read(K8S.resolve("base"));

        assertThat(tight.get("mvc").memory())
                .isEqualTo("448Mi")
                .isNotEqualTo(base.get("mvc").memory());
        assertThat(tight.get("mvc").javaToolOptions()).contains("-XX:MaxRAMPercentage=30", "-XX:+UseG1GC");
    }

    @Test
    void aKustomizationUsingMoreThanPatchesIsLeftToKubectl(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources: [../../base]
                replicas: [{name: mvc, count: 2}]
                """);

        assertThat(OverlayReader.deployments(dir)).isEmpty();
    }
}
