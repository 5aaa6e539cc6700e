package lab.k8s.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1Volume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ManifestInvariantsTest {

    static final List<String> FULL_LAB = Rendered.FULL_LAB;
    static final List<String> WITH_PODS =
            List.of("base", "overlays/limits-tight", "overlays/limits-generous", "gatling", "gatling/collect");

    private static final String NAMESPACE = "blocking-reactive-lab";
    private static final String HTTP = "http";
    /** JVM exit after Spring's shutdown phase ends: the budget's margin on top of preStop + phase. */
    private static final long JVM_EXIT_MARGIN_SECONDS = 5;

    private static final Duration SPRING_DEFAULT_SHUTDOWN_PHASE = Duration.ofSeconds(30);

    @ParameterizedTest
    @FieldSource("WITH_PODS")
    void everyContainerHasCpuAndMemoryRequestsAndLimitsWithRequestsNotAboveLimits(String dir) {
        List<Typed.PodOf> pods = Typed.pods(dir);
        assertThat(pods).as(dir).isNotEmpty();
        for (Typed.PodOf pod : pods) {
            for (V1Container c : containers(pod)) {
                String what = pod.owner() + " container " + c.getName();
                assertThat(c.getResources()).as(what + " resources").isNotNull();
                Map<String, Quantity> requests = c.getResources().getRequests();
                Map<String, Quantity> limits = c.getResources().getLimits();
                assertThat(requests).as(what + " requests").containsKeys("cpu", "memory");
                assertThat(limits).as(what + " limits").containsKeys("cpu", "memory");
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(requests.get(resource).getNumber())
                            .as(what + " " + resource + " request <= limit")
                            .isLessThanOrEqualTo(limits.get(resource).getNumber());
                }
                // memory is not compressible: a request below the limit invites the OOM killer on a busy node
                assertThat(requests.get("memory").getNumber())
                        .as(what + " memory request = limit")
                        .isEqualTo(limits.get("memory").getNumber());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("WITH_PODS")
    void everyPodMeetsTheRestrictedPodSecurityStandard(String dir) {
        for (Typed.PodOf pod : Typed.pods(dir)) {
            V1PodSecurityContext podSecurity = pod.spec().getSecurityContext();
            assertThat(podSecurity).as(pod.owner() + " pod securityContext").isNotNull();
            assertThat(podSecurity.getRunAsNonRoot())
                    .as(pod.owner() + " runAsNonRoot")
                    .isTrue();
            assertThat(podSecurity.getRunAsUser())
                    .as(pod.owner() + " numeric non-root runAsUser")
                    .isPositive();
            assertThat(podSecurity.getSeccompProfile().getType())
                    .as(pod.owner() + " seccomp")
                    .isEqualTo("RuntimeDefault");
            assertThat(pod.spec().getHostNetwork())
                    .as(pod.owner() + " hostNetwork")
                    .isNotEqualTo(Boolean.TRUE);
            assertThat(pod.spec().getHostPID()).as(pod.owner() + " hostPID").isNotEqualTo(Boolean.TRUE);
            assertThat(volumes(pod)).as(pod.owner() + " no hostPath volumes").allMatch(v -> v.getHostPath() == null);
            assertThat(pod.spec().getAutomountServiceAccountToken())
                    .as(pod.owner() + " no API token")
                    .isFalse();
            // STUB_PORT=tcp://... from a service link would bind to the stub's stub.port setting
            assertThat(pod.spec().getEnableServiceLinks())
                    .as(pod.owner() + " no service-link env vars")
                    .isFalse();
            for (V1Container c : containers(pod)) {
                String what = pod.owner() + " container " + c.getName();
                V1SecurityContext sc = c.getSecurityContext();
                assertThat(sc).as(what + " securityContext").isNotNull();
                assertThat(sc.getAllowPrivilegeEscalation())
                        .as(what + " allowPrivilegeEscalation")
                        .isFalse();
                assertThat(sc.getReadOnlyRootFilesystem())
                        .as(what + " readOnlyRootFilesystem")
                        .isTrue();
                assertThat(sc.getRunAsNonRoot()).as(what + " runAsNonRoot").isNotEqualTo(Boolean.FALSE);
                assertThat(sc.getPrivileged()).as(what + " privileged").isNotEqualTo(Boolean.TRUE);
                assertThat(sc.getCapabilities().getDrop())
                        .as(what + " drops all capabilities")
                        .containsExactly("ALL");
                assertThat(sc.getCapabilities().getAdd())
                        .as(what + " adds no capability")
                        .isNullOrEmpty();
                assertThat(sc.getSeccompProfile().getType())
                        .as(what + " seccomp")
                        .isEqualTo("RuntimeDefault");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("FULL_LAB")
    void everyJvmHasAWritableTmpOnItsReadOnlyRoot(String dir) {
        for (Typed.PodOf pod : Typed.pods(dir)) {
            V1Container app = containers(pod).getFirst();
            String tmpVolume = app.getVolumeMounts().stream()
                    .filter(m -> "/tmp".equals(m.getMountPath()))
                    .map(m -> m.getName())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(pod.owner() + " mounts nothing at /tmp"));
            assertThat(volumes(pod))
                    .as(pod.owner() + " /tmp is an emptyDir")
                    .anyMatch(v -> v.getName().equals(tmpVolume) && v.getEmptyDir() != null);
        }
    }

    @ParameterizedTest
    @FieldSource("FULL_LAB")
    void namespaceEnforcesTheRestrictedPodSecurityStandard(String dir) {
        List<V1Namespace> namespaces = Typed.of(dir, "Namespace", V1Namespace.class);

        assertThat(namespaces).singleElement().satisfies(ns -> {
            assertThat(ns.getMetadata().getName()).isEqualTo(NAMESPACE);
            assertThat(ns.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        });
        assertThat(Rendered.objects(dir))
                .as("everything else lives in the lab namespace")
                .filteredOn(o -> !"Namespace".equals(o.get("kind")))
                .allSatisfy(o -> assertThat(((Map<?, ?>) o.get("metadata")).get("namespace"))
                        .isEqualTo(NAMESPACE));
    }

    @ParameterizedTest
    @FieldSource("FULL_LAB")
    void probesPortsAndScrapeAnnotationsMatchEachAppsOwnConfiguration(String dir) {
        List<V1Deployment> deployments = Typed.deployments(dir);
        assertThat(deployments)
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("stub", "mvc", "mvc-vt", "webflux");
        for (V1Deployment d : deployments) {
            V1Container app = appContainer(d);
            AppConfig config = configOf(app);
            String what = dir + ": " + d.getMetadata().getName() + " (" + config.module() + ")";
            int serverPort = Integer.parseInt(config.get("server.port", "8080"));
            String basePath = config.get("management.endpoints.web.base-path", "/actuator");

            assertThat(config.get("management.server.port"))
                    .as(what + ": Actuator on the app port")
                    .satisfiesAnyOf(
                            p -> assertThat(p).isEmpty(), p -> assertThat(p).contains(String.valueOf(serverPort)));
            assertThat(exposed(config))
                    .as(what + ": exposed Actuator endpoints")
                    .contains("health", "prometheus");
            assertThat(app.getPorts())
                    .as(what + ": named container port")
                    .extracting(V1ContainerPort::getName, V1ContainerPort::getContainerPort)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(HTTP, serverPort));
            assertHttpProbe(what + " startup", app.getStartupProbe(), basePath + "/health/liveness");
            assertHttpProbe(what + " liveness", app.getLivenessProbe(), basePath + "/health/liveness");
            assertHttpProbe(what + " readiness", app.getReadinessProbe(), basePath + "/health/readiness");
            assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
                    .as(what + ": scrape annotations")
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", basePath + "/prometheus")
                    .containsEntry("prometheus.io/port", String.valueOf(serverPort));
        }
    }

    @ParameterizedTest
    @FieldSource("FULL_LAB")
    void gracePeriodCoversPreStopSleepPlusSpringsShutdownPhase(String dir) {
        for (V1Deployment d : Typed.deployments(dir)) {
            V1Container app = appContainer(d);
            AppConfig config = configOf(app);
            String what = dir + ": " + d.getMetadata().getName();
            assertThat(config.get("server.shutdown", "graceful"))
                    .as(what + " shuts down gracefully")
                    .isEqualTo("graceful");
            long preStop = app.getLifecycle().getPreStop().getSleep().getSeconds();
            Duration phase = config.get("spring.lifecycle.timeout-per-shutdown-phase")
                    .map(ManifestInvariantsTest::springDuration)
                    .orElse(SPRING_DEFAULT_SHUTDOWN_PHASE);

            assertThat(preStop).as(what + " preStop sleep").isPositive();
            assertThat(app.getLifecycle().getPreStop().getExec())
                    .as(what + " needs no shell")
                    .isNull();
            assertThat(d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                    .as(
                            what + " terminationGracePeriodSeconds >= preStop %d s + shutdown phase %s + %d s",
                            preStop,
                            phase,
                            JVM_EXIT_MARGIN_SECONDS)
                    .isGreaterThanOrEqualTo(preStop + phase.toSeconds() + JVM_EXIT_MARGIN_SECONDS);
        }
    }

    @ParameterizedTest
    @FieldSource("FULL_LAB")
    void everyServiceSelectsExactlyOneDeploymentThroughItsNamedHttpPort(String dir) {
        List<V1Deployment> deployments = Typed.deployments(dir);
        List<V1Service> services = Typed.services(dir);
        assertThat(services)
                .extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("stub", "mvc", "mvc-vt", "webflux");
        for (V1Service s : services) {
            List<V1Deployment> selected = deployments.stream()
                    .filter(d -> Typed.selects(
                            s.getSpec().getSelector(),
                            d.getSpec().getTemplate().getMetadata().getLabels()))
                    .toList();
            assertThat(selected)
                    .as("Service " + s.getMetadata().getName() + " selects")
                    .hasSize(1);
            V1ServicePort port = s.getSpec().getPorts().getFirst();
            assertThat(port.getName()).isEqualTo(HTTP);
            assertThat(port.getTargetPort().getStrValue()).isEqualTo(HTTP);
            assertThat(port.getPort())
                    .as("Service port = container port")
                    .isEqualTo(appContainer(selected.getFirst())
                            .getPorts()
                            .getFirst()
                            .getContainerPort());
        }
    }

    @Test
    void mvcVariantsRunTheSameImageAndOnlyTheVirtualOneActivatesTheVirtualProfile() {
        Map<String, V1Container> apps = new java.util.HashMap<>();
        Typed.deployments("base").forEach(d -> apps.put(d.getMetadata().getName(), appContainer(d)));

        assertThat(apps.get("mvc").getImage()).isEqualTo(apps.get("mvc-vt").getImage());
        assertThat(env(apps.get("mvc-vt"), "SPRING_PROFILES_ACTIVE")).contains("virtual");
        assertThat(env(apps.get("mvc"), "SPRING_PROFILES_ACTIVE")).isEmpty();
        for (String variant : List.of("mvc", "mvc-vt", "webflux")) {
            assertThat(env(apps.get(variant), "LAB_DOWNSTREAM_BASE_URL"))
                    .as(variant)
                    .contains("http://stub:"
                            + appContainer(Typed.deployments("base").stream()
                                            .filter(d ->
                                                    d.getMetadata().getName().equals("stub"))
                                            .findFirst()
                                            .orElseThrow())
                                    .getPorts()
                                    .getFirst()
                                    .getContainerPort());
        }
    }

    @Test
    void allVariantsGetIdenticalJvmFlagsAndLimitsInEveryOverlay() {
        for (String dir : FULL_LAB) {
            List<V1Container> apps = Typed.deployments(dir).stream()
                    .filter(d -> "app".equals(d.getMetadata().getLabels().get("app.kubernetes.io/component")))
                    .map(ManifestInvariantsTest::appContainer)
                    .toList();
            assertThat(apps).as(dir).hasSize(3);
            assertThat(apps)
                    .as(dir + ": fairness, same resources")
                    .extracting(V1Container::getResources)
                    .containsOnly(apps.getFirst().getResources());
            assertThat(apps)
                    .as(dir + ": fairness, same JVM flags")
                    .extracting(c -> env(c, "JAVA_TOOL_OPTIONS").orElse(""))
                    .containsOnly(env(apps.getFirst(), "JAVA_TOOL_OPTIONS").orElseThrow());
            assertThat(env(apps.getFirst(), "JAVA_TOOL_OPTIONS").orElseThrow())
                    .as(dir + " JVM flags")
                    .contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError");
        }
    }

    static Optional<String> env(V1Container c, String name) {
        return Optional.ofNullable(c.getEnv()).orElse(List.of()).stream()
                .filter(e -> name.equals(e.getName()))
                .map(V1EnvVar::getValue)
                .filter(Objects::nonNull)
                .findFirst();
    }

    static V1Container appContainer(V1Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> "app".equals(c.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(d.getMetadata().getName() + " has no container named app"));
    }

    /** The Maven module an image was built from, with the profiles the manifest activates. */
    static AppConfig configOf(V1Container app) {
        String image = app.getImage();
        String module = image.substring(image.lastIndexOf('/') + 1, image.lastIndexOf(':'));
        List<String> profiles = env(app, "SPRING_PROFILES_ACTIVE")
                .map(p -> List.of(p.split(",")))
                .orElse(List.of());
        return AppConfig.load(module, profiles);
    }

    private static List<String> exposed(AppConfig config) {
        return List.of(config.get("management.endpoints.web.exposure.include", "health")
                .split("\\s*,\\s*"));
    }

    private static void assertHttpProbe(String what, V1Probe probe, String path) {
        assertThat(probe).as(what + " probe").isNotNull();
        V1HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(what + " is an HTTP GET").isNotNull();
        assertThat(get.getPath()).as(what + " path").isEqualTo(path);
        assertThat(get.getPort().getStrValue()).as(what + " port").isEqualTo(HTTP);
        assertThat(probe.getTimeoutSeconds()).as(what + " timeout").isPositive();
    }

    /** Spring's duration syntax as used in application.yml: 30s, 500ms, 1m, or ISO-8601. */
    static Duration springDuration(String value) {
        String v = value.trim();
        if (v.startsWith("P") || v.startsWith("p")) {
            return Duration.parse(v);
        }
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("^(\\d+)(ms|s|m|h|d)?$").matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + value);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofMillis(n);
        };
    }

    private static List<V1Container> containers(Typed.PodOf pod) {
        List<V1Container> all = new ArrayList<>(pod.spec().getContainers());
        Optional.ofNullable(pod.spec().getInitContainers()).ifPresent(all::addAll);
        return all;
    }

    private static List<V1Volume> volumes(Typed.PodOf pod) {
        return Optional.ofNullable(pod.spec().getVolumes()).orElse(List.of());
    }
}
