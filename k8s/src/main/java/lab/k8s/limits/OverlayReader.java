package lab.k8s.limits;

import static lab.k8s.kustomize.Manifests.child;
import static lab.k8s.kustomize.Manifests.children;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lab.k8s.kustomize.Manifests;

/**
 * Reads the app containers' limits from a Kustomize overlay without kubectl, for the subset of
 * Kustomize the lab's limits overlays use: {@code resources} (files and directories with their own
 * {@code kustomization.yaml}) and strategic-merge {@code patches} with a {@code path} and a
 * {@code target} (kind and equality label selector) that set the {@code app} container's
 * {@code resources} and {@code env}. Fields that cannot change limits or JVM options (namespace,
 * labels, images) are ignored. Anything else is reported as empty, so that the caller renders with
 * kubectl instead; {@code OverlayReaderTest} proves the result equals the kubectl rendering for every
 * overlay in {@code k8s/overlays}.
 */
final class OverlayReader {

    private static final String KUSTOMIZATION = "kustomization.yaml";
    /** Kustomization fields that cannot touch a container's resources or env. */
    private static final Set<String> INERT_FIELDS =
            Set.of("apiVersion", "kind", "namespace", "labels", "commonLabels", "commonAnnotations", "images");

    private static final Set<String> PATCH_FIELDS = Set.of("path", "target");
    private static final Set<String> CONTAINER_PATCH_FIELDS = Set.of("name", "env", "resources");

    private OverlayReader() {}

    /** The Deployments of {@code kustomizationDir} with its patches applied, or empty when it uses more than this reads. */
    static Optional<List<Map<String, Object>>> deployments(Path kustomizationDir) {
        try {
            return Optional.of(read(kustomizationDir));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    private static List<Map<String, Object>> read(Path dir) {
        Map<String, Object> kustomization = single(dir.resolve(KUSTOMIZATION));
        for (String key : kustomization.keySet()) {
            if (!INERT_FIELDS.contains(key) && !"resources".equals(key) && !"patches".equals(key)) {
                throw new Unsupported();
            }
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object resource : list(kustomization.get("resources"))) {
            Path path = dir.resolve(String.valueOf(resource)).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(read(path));
            } else {
                Manifests.parse(readString(path)).stream()
                        .filter(o -> "Deployment".equals(Manifests.kind(o)))
                        .forEach(objects::add);
            }
        }
        for (Object entry : list(kustomization.get("patches"))) {
            if (!(entry instanceof Map<?, ?> p) || !PATCH_FIELDS.containsAll(p.keySet()) || p.get("path") == null) {
                throw new Unsupported();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> patchEntry = (Map<String, Object>) p;
            Map<String, Object> patch = single(dir.resolve(String.valueOf(patchEntry.get("path"))));
            Map<String, Object> target = child(patchEntry, "target");
            for (Map<String, Object> object : objects) {
                if (matches(target, patch, object)) {
                    applyPatch(patch, object);
                }
            }
        }
        return objects;
    }

    private static boolean matches(Map<String, Object> target, Map<String, Object> patch, Map<String, Object> object) {
        Set<String> known = Set.of("kind", "labelSelector", "name");
        if (!known.containsAll(target.keySet())) {
            throw new Unsupported();
        }
        String kind = String.valueOf(target.getOrDefault("kind", Manifests.kind(patch)));
        if (!kind.equals(Manifests.kind(object))) {
            return false;
        }
        String name = target.isEmpty() ? Manifests.name(patch) : (String) target.get("name");
        if (name != null && !name.equals(Manifests.name(object))) {
            return false;
        }
        Object selector = target.get("labelSelector");
        if (selector == null) {
            return true;
        }
        Map<String, Object> labels = child(child(object, "metadata"), "labels");
        for (String term : String.valueOf(selector).split(",")) {
            String[] kv = term.trim().split("=", 2);
            if (kv.length != 2 || kv[0].endsWith("!")) {
                throw new Unsupported(); // only equality selectors
            }
            if (!kv[1].trim().equals(String.valueOf(labels.get(kv[0].trim())))) {
                return false;
            }
        }
        return true;
    }

    /** Strategic merge of the patch's containers into the object's, by container name. */
    private static void applyPatch(Map<String, Object> patch, Map<String, Object> object) {
        Map<String, Object> patchSpec = child(patch, "spec");
        if (!Set.of("template").containsAll(patchSpec.keySet())
                || !Set.of("spec").containsAll(child(patchSpec, "template").keySet())
                || !Set.of("containers")
                        .containsAll(child(child(patchSpec, "template"), "spec").keySet())) {
            throw new Unsupported();
        }
        List<Map<String, Object>> targets =
                children(child(child(child(object, "spec"), "template"), "spec"), "containers");
        for (Map<String, Object> patchContainer : children(child(child(patchSpec, "template"), "spec"), "containers")) {
            if (!CONTAINER_PATCH_FIELDS.containsAll(patchContainer.keySet())) {
                throw new Unsupported();
            }
            Map<String, Object> container = targets.stream()
                    .filter(c -> patchContainer.get("name").equals(c.get("name")))
                    .findFirst()
                    .orElseThrow(Unsupported::new); // kustomize would append it: not a limits patch
            mergeEnv(container, children(patchContainer, "env"));
            Map<String, Object> resources = mutableChild(container, "resources");
            child(patchContainer, "resources").forEach((section, values) -> {
                if (!(values instanceof Map<?, ?> v)) {
                    throw new Unsupported();
                }
                v.forEach((k, q) -> mutableChild(resources, section).put(String.valueOf(k), q));
            });
        }
    }

    private static void mergeEnv(Map<String, Object> container, List<Map<String, Object>> patchEnv) {
        if (patchEnv.isEmpty()) {
            return;
        }
        List<Map<String, Object>> env = new ArrayList<>(children(container, "env"));
        for (Map<String, Object> var : patchEnv) {
            env.removeIf(e -> var.get("name").equals(e.get("name")));
        }
        // kustomize puts the patch's variables first, then the remaining ones; order never matters here
        List<Map<String, Object>> merged = new ArrayList<>(patchEnv);
        merged.addAll(env);
        container.put("env", merged);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutableChild(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        Map<String, Object> copy =
                value instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        parent.put(key, copy);
        return copy;
    }

    private static Map<String, Object> single(Path file) {
        List<Map<String, Object>> docs = Manifests.parse(readString(file));
        if (docs.size() != 1) {
            throw new Unsupported();
        }
        return docs.getFirst();
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw new Unsupported();
        }
        return l;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The overlay uses a Kustomize feature this reader does not apply. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }
}
