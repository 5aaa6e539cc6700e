package lab.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One variant (mvc, mvc-vt, webflux, ...) with the effective settings it reported and its steps.
 *
 * @param settings the {@code lab} section of the app's {@code /actuator/info}: what it really ran with
 * @param maxThreads size of the platform-thread pool serving requests, when the runner found one
 * @param jvmFlags the app JVM's flags, which fairness wants identical across variants
 * @param error why the variant could not be measured (fully), when it could not
 */
record Variant(
        String name,
        Map<String, Object> settings,
        Integer maxThreads,
        List<String> jvmFlags,
        List<String> profiles,
        List<String> appArgs,
        List<Step> steps,
        OpenModel openModel,
        String error) {

    Variant {
        name = name == null ? "?" : name;
        settings = settings == null ? Map.of() : settings;
        steps = steps == null
                ? List.of()
                : steps.stream()
                        .filter(step -> step.users() != null)
                        .sorted(Comparator.comparing(Step::users))
                        .toList();
    }

    List<Step> validSteps() {
        return steps.stream().filter(Step::isValid).toList();
    }

    /** Flattened settings (nested objects become dotted keys). */
    Map<String, Object> flatSettings() {
        return Settings.flatten(settings);
    }

    /** What the fairness table compares: the app's settings plus how the runner launched it. */
    Map<String, Object> launchAndSettings() {
        Map<String, Object> all = new TreeMap<>(flatSettings());
        if (jvmFlags != null) {
            all.put("launch.jvmFlags", jvmFlags);
        }
        if (profiles != null) {
            all.put("launch.profiles", profiles);
        }
        if (appArgs != null) {
            all.put("launch.appArgs", appArgs);
        }
        return all;
    }

    /** The platform-thread pool size, when the variant serves each request on a pooled platform thread. */
    Optional<Integer> threadPoolSize() {
        if (maxThreads != null) {
            return Optional.of(maxThreads);
        }
        Map<String, Object> flat = flatSettings();
        if (notOnAPlatformThreadPool(flat)) {
            return Optional.empty();
        }
        // server.maxThreads first: other pools (the fan-out executor, say) have a maxThreads too.
        return Settings.find(flat, "server.maxThreads")
                .or(() -> Settings.find(flat, "maxThreads"))
                .filter(Number.class::isInstance)
                .map(value -> ((Number) value).intValue());
    }

    /** Model as the app reports it (thread-per-request, virtual-threads, event-loop), if it does. */
    Optional<String> model() {
        return Settings.find(flatSettings(), "model").map(String::valueOf);
    }

    /** Virtual threads and the event loop have no pool that caps requests in flight. */
    private boolean notOnAPlatformThreadPool(Map<String, Object> flat) {
        boolean virtualFlag = Settings.find(flat, "server.virtualThreads")
                .or(() -> Settings.find(flat, "virtualThreads"))
                .map(value -> Boolean.parseBoolean(String.valueOf(value)))
                .orElse(false);
        boolean virtualModel = model().map(m -> m.contains("virtual")).orElse(false);
        boolean threadPerRequest =
                model().map(m -> m.equals("thread-per-request")).orElse(true);
        return virtualFlag || virtualModel || !threadPerRequest;
    }
}
