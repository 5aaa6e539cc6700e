package lab.k8s.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobSpec;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatlingJobTest {

    private static final String GATLING = "gatling";
    /** JVM start-up, warm-up and report generation on top of the simulation's own duration. */
    private static final long OVERHEAD_SECONDS = 120;

    @Test
    void jobIsBoundedInTimeRetriesAndLifetime() {
        V1JobSpec spec = job().getSpec();
        long duration = Long.parseLong(params().get("DURATION_SECONDS"))
                + Long.parseLong(params().getOrDefault("RAMP_SECONDS", "0"));

        assertThat(spec.getBackoffLimit()).as("no retries of a load run").isZero();
        assertThat(spec.getActiveDeadlineSeconds())
                .as("deadline covers the run, and exists")
                .isGreaterThanOrEqualTo(duration + OVERHEAD_SECONDS);
        assertThat(spec.getTtlSecondsAfterFinished())
                .as("cleaned up after finishing")
                .isPositive();
        assertThat(spec.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void severalIndexedInjectorsEachWriteToTheirOwnFolderOnTheResultsVolume() {
        V1JobSpec spec = job().getSpec();
        var container = spec.getTemplate().getSpec().getContainers().getFirst();

        assertThat(spec.getCompletionMode()).isEqualTo("Indexed");
        assertThat(spec.getParallelism()).isGreaterThanOrEqualTo(2).isEqualTo(spec.getCompletions());
        assertThat(ManifestInvariantsTest.env(container, "RESULTS_FOLDER"))
                .get()
                .asString()
                .startsWith("/results/")
                .contains("$(INJECTOR_INDEX)");
        assertThat(container.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("INJECTOR_INDEX");
            assertThat(e.getValueFrom().getFieldRef().getFieldPath()).contains("job-completion-index");
        });
        assertThat(container.getVolumeMounts()).anyMatch(m -> "/results".equals(m.getMountPath()));
        assertThat(spec.getTemplate().getSpec().getVolumes())
                .anyMatch(v -> v.getPersistentVolumeClaim() != null
                        && "gatling-results".equals(v.getPersistentVolumeClaim().getClaimName()));
    }

    @Test
    void parametersComeFromTheGeneratedConfigMapAndTargetAnExistingServicePort() {
        var container = job().getSpec().getTemplate().getSpec().getContainers().getFirst();
        String configMap = container.getEnvFrom().getFirst().getConfigMapRef().getName();
        URI target = URI.create(params().get("TARGET"));

        assertThat(configMap).startsWith("gatling-params-");
        assertThat(params()).containsKeys("SIMULATION", "USERS", "DURATION_SECONDS", "VARIANT");
        assertThat(Typed.services("base"))
                .as("TARGET " + target + " is a lab Service and port")
                .anyMatch(s -> s.getMetadata().getName().equals(target.getHost())
                        && s.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == target.getPort()));
        assertThat(target.getHost()).as("VARIANT names the target").isEqualTo(params().get("VARIANT"));
    }

    @Test
    void injectorPodsCarryTheLabelTheAppsNetworkPolicyAdmits() {
        assertThat(job().getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/component", "load-generator");
    }

    @Test
    void resultsReaderPodMountsTheSameVolumeReadOnlyAndEndsByItself() {
        var pod = Typed.pods("gatling/collect").getFirst();

        assertThat(pod.spec().getActiveDeadlineSeconds()).isPositive();
        assertThat(pod.spec().getVolumes())
                .anyMatch(v -> v.getPersistentVolumeClaim() != null
                        && "gatling-results".equals(v.getPersistentVolumeClaim().getClaimName()));
        assertThat(pod.spec().getContainers().getFirst().getVolumeMounts())
                .anyMatch(m -> "/results".equals(m.getMountPath()) && Boolean.TRUE.equals(m.getReadOnly()));
    }

    private static V1Job job() {
        return Typed.jobs(GATLING).stream()
                .filter(j -> GATLING.equals(j.getMetadata().getName()))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, String> params() {
        return Typed.of(GATLING, "ConfigMap", V1ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().startsWith("gatling-params"))
                .findFirst()
                .orElseThrow()
                .getData();
    }
}
