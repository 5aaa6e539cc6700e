package lab.k8s.manifests;

import static lab.k8s.kustomize.Manifests.child;
import static lab.k8s.kustomize.Manifests.children;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The ServiceMonitor is a CustomResource the strict client models do not know, so it is checked as
 * YAML: the fields the Prometheus Operator's CRD requires or this lab relies on, no others, and a
 * selector and port that really match the lab's Services.
 */
class MonitoringTest {

    private static final String MONITORING = "overlays/monitoring";
    private static final Set<String> SERVICE_MONITOR_SPEC_FIELDS = Set.of(
            "selector", "endpoints", "namespaceSelector", "jobLabel", "targetLabels", "podTargetLabels", "sampleLimit");
    private static final Set<String> ENDPOINT_FIELDS = Set.of(
            "port", "path", "interval", "scrapeTimeout", "scheme", "honorLabels", "relabelings", "metricRelabelings");

    @Test
    void serviceMonitorHasTheRequiredFieldsAndNoUnknownOnes() {
        Map<String, Object> monitor = serviceMonitor();
        Map<String, Object> spec = child(monitor, "spec");

        assertThat(monitor)
                .containsEntry("apiVersion", "monitoring.coreos.com/v1")
                .containsKeys("metadata", "spec");
        assertThat(child(monitor, "metadata")).containsKeys("name", "namespace");
        assertThat(spec).containsKeys("selector", "endpoints");
        assertThat(spec.keySet()).isSubsetOf(SERVICE_MONITOR_SPEC_FIELDS);
        assertThat(children(spec, "endpoints")).isNotEmpty().allSatisfy(endpoint -> {
            assertThat(endpoint.keySet()).isSubsetOf(ENDPOINT_FIELDS);
            assertThat(endpoint).containsEntry("port", "http").containsEntry("path", "/actuator/prometheus");
        });
    }

    @Test
    void serviceMonitorSelectsTheStubAndEveryAppServiceByItsNamedPort() {
        Map<String, Object> selector = child(child(serviceMonitor(), "spec"), "selector");
        Map<String, Object> expression = children(selector, "matchExpressions").getFirst();
        @SuppressWarnings("unchecked")
        List<String> values = (List<String>) expression.get("values");

        List<String> selected = Typed.services("base").stream()
                .filter(s -> "In".equals(expression.get("operator"))
                        && values.contains(s.getMetadata().getLabels().get(String.valueOf(expression.get("key")))))
                .filter(s -> s.getSpec().getPorts().stream().anyMatch(p -> "http".equals(p.getName())))
                .map(s -> s.getMetadata().getName())
                .toList();

        assertThat(selected).containsExactlyInAnyOrder("stub", "mvc", "mvc-vt", "webflux");
    }

    @Test
    void grafanaDashboardIsValidJsonWithAPanelForEveryMetricTheStoryNeeds() {
        V1ConfigMap configMap =
                Typed.of(MONITORING, "ConfigMap", V1ConfigMap.class).getFirst();
        JsonObject dashboard = JsonParser.parseString(configMap.getData().get("dashboard.json"))
                .getAsJsonObject();
        List<String> expressions = StreamSupport.stream(
                        dashboard.getAsJsonArray("panels").spliterator(), false)
                .flatMap(panel -> StreamSupport.stream(
                        panel.getAsJsonObject().getAsJsonArray("targets").spliterator(), false))
                .map(target -> target.getAsJsonObject().get("expr"))
                .map(JsonElement::getAsString)
                .toList();

        assertThat(configMap.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboard.get("uid").getAsString()).isNotBlank();
        assertThat(String.join("\n", expressions))
                .contains(
                        "http_server_requests_seconds_count",
                        "http_server_requests_seconds_bucket",
                        "jvm_threads_live_threads",
                        "tomcat_threads_busy_threads",
                        "reactor_netty_eventloop_pending_tasks",
                        "reactor_netty_connection_provider_pending_connections",
                        "jvm_memory_used_bytes",
                        "container_memory_rss",
                        "container_cpu_cfs_throttled_seconds_total");
        assertThat(expressions).allSatisfy(expr -> assertThat(expr).contains("namespace=\"$namespace\""));
    }

    @Test
    void monitoringAddOnContainsNoWorkloadsSoItCombinesWithAnyLimitsOverlay() {
        assertThat(Rendered.objects(MONITORING))
                .extracting(o -> o.get("kind"))
                .containsExactlyInAnyOrder("ServiceMonitor", "ConfigMap", "NetworkPolicy");
        assertThat(Typed.services(MONITORING)).isEmpty();
    }

    private static Map<String, Object> serviceMonitor() {
        return Rendered.objects(MONITORING).stream()
                .filter(o -> StrictParser.SERVICE_MONITOR.equals(StrictParser.typeOf(o)))
                .findFirst()
                .orElseThrow();
    }
}
