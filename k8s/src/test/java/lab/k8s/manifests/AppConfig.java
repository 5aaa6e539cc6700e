package lab.k8s.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * An app's own Spring configuration as its {@code src/main/resources/application*.yml} declares it:
 * the manifests must agree with it (ports, Actuator paths, shutdown timeout), so the tests read it
 * rather than repeat it. Documents activated by profiles and {@code application-<profile>.yml} are
 * applied on top of the defaults, as Spring does.
 */
final class AppConfig {

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{[^:}]+:([^}]*)}$");
    private static final String ON_PROFILE = "spring.config.activate.on-profile";

    private final String module;
    private final Map<String, Object> flat;

    private AppConfig(String module, Map<String, Object> flat) {
        this.module = module;
        this.flat = flat;
    }

    /** Fails with a clear message when the module has no application.yml (yet). */
    static AppConfig load(String module, List<String> profiles) {
        Path resources = Rendered.REPO.resolve(module).resolve("src/main/resources");
        Path main = resources.resolve("application.yml");
        if (!Files.isRegularFile(main)) {
            throw new IllegalStateException(main + " not found: the manifests' ports and probe paths are checked "
                    + "against the app's own configuration, so the app must declare it");
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        applyDocuments(main, profiles, flat);
        for (String profile : profiles) {
            Path specific = resources.resolve("application-" + profile + ".yml");
            if (Files.isRegularFile(specific)) {
                applyDocuments(specific, profiles, flat);
            }
        }
        return new AppConfig(module, flat);
    }

    Optional<String> get(String key) {
        Object value = flat.get(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = String.valueOf(value).trim();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        return Optional.of(placeholder.matches() ? placeholder.group(1) : text);
    }

    String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    String module() {
        return module;
    }

    @SuppressWarnings("unchecked")
    private static void applyDocuments(Path file, List<String> profiles, Map<String, Object> flat) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try {
            for (Object document : yaml.loadAll(Files.readString(file))) {
                if (!(document instanceof Map<?, ?> map)) {
                    continue;
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                flatten("", (Map<String, Object>) map, doc);
                Object onProfile = doc.get(ON_PROFILE);
                if (onProfile == null
                        || profiles.contains(String.valueOf(onProfile).trim())) {
                    flat.putAll(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, Object> out) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, (Map<String, Object>) nested, out);
            } else if (value instanceof List<?> list) {
                out.put(
                        name,
                        String.join(",", list.stream().map(String::valueOf).toList()));
            } else {
                out.put(name, value);
            }
        });
    }
}
