package lab.k8s.manifests;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.k8s.kustomize.Manifests;

/** Strictly parsed objects of one rendered kustomization, by kind. */
final class Typed {

    /** A pod spec with where it came from, for assertion messages. */
    record PodOf(String owner, V1ObjectMeta metadata, V1PodSpec spec) {}

    private Typed() {}

    static List<V1Deployment> deployments(String dir) {
        return of(dir, "Deployment", V1Deployment.class);
    }

    static List<V1Service> services(String dir) {
        return of(dir, "Service", V1Service.class);
    }

    static List<V1Job> jobs(String dir) {
        return of(dir, "Job", V1Job.class);
    }

    static <T> List<T> of(String dir, String kind, Class<T> model) {
        return Rendered.ofKind(dir, kind).stream()
                .map(o -> StrictParser.parse(o, model))
                .toList();
    }

    /** Every pod template (Deployments, Jobs) and bare Pod in the kustomization. */
    static List<PodOf> pods(String dir) {
        List<PodOf> pods = new ArrayList<>();
        for (V1Deployment d : deployments(dir)) {
            pods.add(new PodOf(
                    dir + ": Deployment " + d.getMetadata().getName(),
                    d.getSpec().getTemplate().getMetadata(),
                    d.getSpec().getTemplate().getSpec()));
        }
        for (V1Job j : jobs(dir)) {
            pods.add(new PodOf(
                    dir + ": Job " + j.getMetadata().getName(),
                    j.getSpec().getTemplate().getMetadata(),
                    j.getSpec().getTemplate().getSpec()));
        }
        for (V1Pod p : of(dir, "Pod", V1Pod.class)) {
            pods.add(new PodOf(dir + ": Pod " + p.getMetadata().getName(), p.getMetadata(), p.getSpec()));
        }
        return pods;
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null
                && !selector.isEmpty()
                && labels != null
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static String name(Map<String, Object> object) {
        return Manifests.name(object);
    }
}
