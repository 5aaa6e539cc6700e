package lab.k8s.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may talk to whom, checked by evaluating the policies' selectors against the pods' labels. */
class NetworkPolicyTest {

    @Test
    void onlyAppPodsMayReachTheStub() {
        Map<String, String> stub = podLabels("stub");

        assertThat(allowedSources(stub))
                .as("pods allowed to reach the stub")
                .containsExactlyInAnyOrder("mvc", "mvc-vt", "webflux");
    }

    @Test
    void onlyTheGatlingInjectorsMayReachTheApps() {
        Map<String, String> injector = Typed.jobs("gatling")
                .getFirst()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();

        for (String app : List.of("mvc", "mvc-vt", "webflux")) {
            List<V1NetworkPolicy> policies = policiesSelecting(podLabels(app));
            assertThat(policies).as(app + " is isolated by a policy").isNotEmpty();
            assertThat(admits(policies, injector)).as("injector -> " + app).isTrue();
            assertThat(admits(policies, podLabels("stub"))).as("stub -> " + app).isFalse();
            assertThat(admits(policies, podLabels(app.equals("mvc") ? "webflux" : "mvc")))
                    .as("app -> " + app)
                    .isFalse();
        }
    }

    @Test
    void monitoringOverlayLetsPrometheusScrapeAppsAndStub() {
        List<V1NetworkPolicy> monitoring = Typed.of("overlays/monitoring", "NetworkPolicy", V1NetworkPolicy.class);

        assertThat(monitoring).singleElement().satisfies(p -> {
            var peer = p.getSpec().getIngress().getFirst().getFrom().getFirst();
            assertThat(peer.getNamespaceSelector()).as("any namespace").isNotNull();
            assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "prometheus");
            assertThat(p.getSpec()
                            .getPodSelector()
                            .getMatchExpressions()
                            .getFirst()
                            .getValues())
                    .containsExactlyInAnyOrder("app", "downstream");
        });
    }

    private static List<String> allowedSources(Map<String, String> target) {
        List<V1NetworkPolicy> policies = policiesSelecting(target);
        assertThat(policies).as("target is isolated by a policy").isNotEmpty();
        return Typed.deployments("base").stream()
                .filter(d ->
                        admits(policies, d.getSpec().getTemplate().getMetadata().getLabels()))
                .map(d -> d.getMetadata().getName())
                .toList();
    }

    private static List<V1NetworkPolicy> policiesSelecting(Map<String, String> podLabels) {
        return Typed.of("base", "NetworkPolicy", V1NetworkPolicy.class).stream()
                .filter(p -> Typed.selects(p.getSpec().getPodSelector().getMatchLabels(), podLabels))
                .toList();
    }

    /** Same-namespace peers selected by pod labels: the only kind of peer the base uses. */
    private static boolean admits(List<V1NetworkPolicy> policies, Map<String, String> source) {
        return policies.stream()
                .flatMap(p -> p.getSpec().getIngress().stream())
                .flatMap(rule -> rule.getFrom().stream())
                .map(V1NetworkPolicyPeer::getPodSelector)
                .anyMatch(selector -> Typed.selects(selector.getMatchLabels(), source));
    }

    private static Map<String, String> podLabels(String deployment) {
        return Typed.deployments("base").stream()
                .filter(d -> d.getMetadata().getName().equals(deployment))
                .findFirst()
                .orElseThrow()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
    }
}
