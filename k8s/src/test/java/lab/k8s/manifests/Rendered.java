package lab.k8s.manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lab.k8s.kustomize.Kustomize;
import lab.k8s.kustomize.Manifests;

/** Every kustomization the lab ships, rendered once per test run with the real kubectl/kustomize. */
final class Rendered {

    /** Surefire runs with the module directory as working directory. */
    static final Path K8S = Path.of("").toAbsolutePath();

    static final Path REPO = K8S.getParent();

    static final List<String> DEPLOYABLE = List.of(
            "base",
            "overlays/limits-tight",
            "overlays/limits-generous",
            "overlays/monitoring",
            "gatling",
            "gatling/collect");
    /** Overlays that deploy the whole lab (base plus changes). */
    static final List<String> FULL_LAB = List.of("base", "overlays/limits-tight", "overlays/limits-generous");

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Rendered() {}

    static String yaml(String dir) {
        return CACHE.computeIfAbsent(dir, d -> {
            Path path = K8S.resolve(d);
            if (!Files.isRegularFile(path.resolve("kustomization.yaml"))) {
                throw new IllegalStateException("no kustomization.yaml in " + path);
            }
            return Kustomize.locate().render(path);
        });
    }

    static List<Map<String, Object>> objects(String dir) {
        return Manifests.parse(yaml(dir));
    }

    static List<Map<String, Object>> ofKind(String dir, String kind) {
        return objects(dir).stream().filter(o -> kind.equals(Manifests.kind(o))).toList();
    }
}
