package lab.k8s.limits;

import static lab.k8s.kustomize.Manifests.child;
import static lab.k8s.kustomize.Manifests.children;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lab.k8s.kustomize.Kustomize;
import lab.k8s.kustomize.Manifests;
import lab.k8s.units.Quantities;

/**
 * The app containers' CPU and memory limits per variant as an overlay deploys them, so that
 * {@code ./lab compare --limits tight} runs each app under exactly what {@code k8s/overlays/limits-tight}
 * gives its pod. {@link #read} needs no kubectl for the lab's own overlays (see {@link OverlayReader});
 * {@link #rendered} renders with kubectl and is what the tests compare it with.
 */
public final class OverlayLimits {

    /** The container that runs the app in every app Deployment. */
    static final String APP_CONTAINER = "app";

    static final String COMPONENT_LABEL = "app.kubernetes.io/component";
    static final String NAME_LABEL = "app.kubernetes.io/name";
    static final String APP_COMPONENT = "app";

    private OverlayLimits() {}

    /**
     * The limits {@code overlayDir} deploys, keyed and sorted by variant: read directly from its
     * kustomization and patches, or rendered with kubectl when it uses more Kustomize than the lab's
     * overlays do.
     */
    public static Map<String, ContainerLimits> read(Path overlayDir) {
        return OverlayReader.deployments(overlayDir)
                .map(OverlayLimits::fromObjects)
                .orElseGet(() -> rendered(overlayDir));
    }

    /** Renders {@code overlayDir} with kubectl/kustomize and reads it. */
    public static Map<String, ContainerLimits> rendered(Path overlayDir) {
        return fromRendered(Kustomize.locate().render(overlayDir));
    }

    /** Reads already rendered YAML (the output of {@code kubectl kustomize}). */
    public static Map<String, ContainerLimits> fromRendered(String yaml) {
        return fromObjects(Manifests.parse(yaml));
    }

    private static Map<String, ContainerLimits> fromObjects(List<Map<String, Object>> objects) {
        Map<String, ContainerLimits> limits = new TreeMap<>();
        for (Map<String, Object> object : objects) {
            Map<String, Object> template = child(child(object, "spec"), "template");
            if (!"Deployment".equals(Manifests.kind(object))
                    || !APP_COMPONENT.equals(
                            child(child(template, "metadata"), "labels").get(COMPONENT_LABEL))) {
                continue;
            }
            String variant =
                    String.valueOf(child(child(object, "metadata"), "labels").get(NAME_LABEL));
            limits.put(variant, appContainer(variant, children(child(template, "spec"), "containers")));
        }
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("no app Deployment (label " + COMPONENT_LABEL + "=" + APP_COMPONENT
                    + ") in the rendered manifests");
        }
        return limits;
    }

    private static ContainerLimits appContainer(String variant, List<Map<String, Object>> containers) {
        Map<String, Object> container = containers.stream()
                .filter(c -> APP_CONTAINER.equals(c.get("name")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(variant + " has no container named " + APP_CONTAINER));
        Map<String, Object> limits = child(child(container, "resources"), "limits");
        Object cpu = limits.get("cpu");
        Object memory = limits.get("memory");
        if (cpu == null || memory == null) {
            throw new IllegalArgumentException(variant + " has no CPU or memory limit");
        }
        String options = children(container, "env").stream()
                .filter(e -> "JAVA_TOOL_OPTIONS".equals(e.get("name")))
                .map(e -> String.valueOf(e.get("value")))
                .findFirst()
                .orElse("");
        return new ContainerLimits(
                variant,
                cpu.toString(),
                Quantities.millicores(cpu.toString()),
                memory.toString(),
                Quantities.bytes(memory.toString()),
                options);
    }
}
