package lab.k8s.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverlayLimitsTest {

    private static final Path OVERLAYS = Path.of("overlays").toAbsolutePath();

    @Test
    void tightOverlayGivesEveryVariantHalfACpuAnd448Mi() {
        Map<String, ContainerLimits> limits = OverlayLimits.read(OVERLAYS.resolve("limits-tight"));

        assertThat(limits).containsOnlyKeys("mvc", "mvc-vt", "webflux");
        assertThat(limits.values()).allSatisfy(l -> {
            assertThat(l.cpu()).isEqualTo("500m");
            assertThat(l.cpuMillis()).isEqualTo(500);
            assertThat(l.memory()).isEqualTo("448Mi");
            assertThat(l.memoryBytes()).isEqualTo(448L * 1024 * 1024);
            assertThat(l.activeProcessorCount()).isEqualTo(1);
            assertThat(l.javaToolOptions()).contains("-XX:MaxRAMPercentage=30");
        });
    }

    @Test
    void generousOverlayGivesMoreOfBothThanTheTightOne() {
        Map<String, ContainerLimits> tight = OverlayLimits.read(OVERLAYS.resolve("limits-tight"));
        Map<String, ContainerLimits> generous = OverlayLimits.read(OVERLAYS.resolve("limits-generous"));

        assertThat(generous.keySet()).isEqualTo(tight.keySet());
        generous.forEach((variant, l) -> {
            assertThat(l.cpuMillis()).isGreaterThan(tight.get(variant).cpuMillis());
            assertThat(l.memoryBytes()).isGreaterThan(tight.get(variant).memoryBytes());
        });
    }

    @Test
    void readsOnlyAppDeploymentsFromRenderedYaml() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: stub, labels: {app.kubernetes.io/name: stub, app.kubernetes.io/component: downstream}}
                spec:
                  template:
                    metadata: {labels: {app.kubernetes.io/component: downstream}}
                    spec: {containers: [{name: app, resources: {limits: {cpu: "2", memory: 512Mi}}}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: webflux, labels: {app.kubernetes.io/name: webflux, app.kubernetes.io/component: app}}
                spec:
                  template:
                    metadata: {labels: {app.kubernetes.io/component: app}}
                    spec:
                      containers:
                        - name: app
                          env: [{name: JAVA_TOOL_OPTIONS, value: "-XX:MaxRAMPercentage=50"}]
                          resources: {limits: {cpu: 1500m, memory: 1Gi}}
                """;

        Map<String, ContainerLimits> limits = OverlayLimits.fromRendered(yaml);

        assertThat(limits).containsOnlyKeys("webflux");
        assertThat(limits.get("webflux"))
                .isEqualTo(new ContainerLimits(
                        "webflux", "1500m", 1500, "1Gi", 1024L * 1024 * 1024, "-XX:MaxRAMPercentage=50"));
        assertThat(limits.get("webflux").activeProcessorCount()).isEqualTo(2);
    }

    @Test
    void anAppWithoutLimitsIsAnError() {
        String yaml = """
                kind: Deployment
                metadata: {name: mvc, labels: {app.kubernetes.io/name: mvc}}
                spec:
                  template:
                    metadata: {labels: {app.kubernetes.io/component: app}}
                    spec: {containers: [{name: app}]}
                """;

        assertThatThrownBy(() -> OverlayLimits.fromRendered(yaml))
                .hasMessageContaining("mvc has no CPU or memory limit");
    }
}
