package lab.k8s.manifests;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.Map;
import lab.k8s.kustomize.Manifests;

/**
 * Parses a Kubernetes object into the generated client-java model of its kind. The models'
 * {@code validateJsonElement} rejects any field the API does not define and any missing required
 * field, at every nesting level: a typo such as {@code resource:} fails here instead of being
 * silently dropped by the API server's non-strict decoding.
 */
final class StrictParser {

    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/Namespace", V1Namespace.class,
            "apps/v1/Deployment", V1Deployment.class,
            "v1/Service", V1Service.class,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class,
            "batch/v1/Job", V1Job.class,
            "v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class,
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Pod", V1Pod.class);

    /** Kinds that are CustomResources: no generated model, checked separately. */
    static final String SERVICE_MONITOR = "monitoring.coreos.com/v1/ServiceMonitor";

    private static final Gson GSON = new Gson();

    private StrictParser() {}

    static String typeOf(Map<String, Object> object) {
        return object.get("apiVersion") + "/" + Manifests.kind(object);
    }

    static boolean knows(Map<String, Object> object) {
        return MODELS.containsKey(typeOf(object));
    }

    /** The typed object; throws {@link IllegalArgumentException} for unknown kinds, fields or missing ones. */
    static Object parse(Map<String, Object> object) {
        Class<?> model = MODELS.get(typeOf(object));
        if (model == null) {
            throw new IllegalArgumentException("no strict model for " + typeOf(object));
        }
        return JSON.deserialize(GSON.toJson(object), model);
    }

    static <T> T parse(Map<String, Object> object, Class<T> model) {
        return model.cast(parse(object));
    }
}
