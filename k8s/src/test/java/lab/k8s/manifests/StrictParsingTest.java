package lab.k8s.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.models.V1Deployment;
import java.util.List;
import java.util.Map;
import lab.k8s.kustomize.Kustomize;
import lab.k8s.kustomize.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class StrictParsingTest {

    static final List<String> DEPLOYABLE = Rendered.DEPLOYABLE;

    @ParameterizedTest
    @FieldSource("DEPLOYABLE")
    void everyRenderedObjectParsesStrictlyIntoItsKubernetesModel(String dir) {
        List<Map<String, Object>> objects = Rendered.objects(dir);

        assertThat(objects).as(dir + " renders objects").isNotEmpty();
        for (Map<String, Object> object : objects) {
            String what = dir + ": " + StrictParser.typeOf(object) + " " + Manifests.name(object);
            if (StrictParser.SERVICE_MONITOR.equals(StrictParser.typeOf(object))) {
                continue; // a CustomResource: ServiceMonitorTest checks it field by field
            }
            assertThat(StrictParser.knows(object))
                    .as(what + " has a strict model")
                    .isTrue();
            assertThatCode(() -> StrictParser.parse(object)).as(what).doesNotThrowAnyException();
        }
    }

    @Test
    void aMisspelledFieldThatKustomizeRendersHappilyFailsStrictParsing() {
        // "resource:" instead of "resources:": the API server would drop it silently, leaving no limits
        String rendered = Kustomize.locate().render(Rendered.K8S.resolve("src/test/resources/broken/resource-typo"));
        Map<String, Object> deployment = Manifests.parse(rendered).getFirst();

        assertThatThrownBy(() -> StrictParser.parse(deployment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`resource`")
                .hasMessageContaining("V1Container");
    }

    @Test
    void aMissingRequiredFieldFailsStrictParsing() {
        Map<String, Object> deployment = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: nameless-container}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - image: x
                """).getFirst();

        assertThatThrownBy(() -> StrictParser.parse(deployment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
    }

    @Test
    void aCorrectObjectParsesIntoTypedValues() {
        Map<String, Object> deployment = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: ok}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: app
                          image: x
                          resources: {limits: {cpu: 500m, memory: 384Mi}}
                """).getFirst();

        V1Deployment typed = StrictParser.parse(deployment, V1Deployment.class);

        assertThat(typed.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()
                        .getResources()
                        .getLimits()
                        .get("memory")
                        .getNumber()
                        .longValueExact())
                .isEqualTo(384L * 1024 * 1024);
    }
}
