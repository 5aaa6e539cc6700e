package lab.runner.compare;

import java.util.List;
import java.util.Map;

/**
 * One way of running the app: which jar, which Spring profiles, which extra arguments.
 *
 * @param app      {@code mvc} or {@code webflux}
 * @param jar      path relative to the repository root
 */
public record Variant(String name, String app, String jar, List<String> profiles, List<String> extraArgs) {

    static final String MVC_JAR = "mvc-app/target/mvc-app.jar";
    static final String WEBFLUX_JAR = "webflux-app/target/webflux-app.jar";
    public static final String STUB_JAR = "downstream-stub/target/downstream-stub.jar";

    public static final Map<String, Variant> KNOWN = Map.of(
            "mvc", new Variant("mvc", "mvc", MVC_JAR, List.of(), List.of()),
            "mvc-vt", new Variant("mvc-vt", "mvc", MVC_JAR, List.of("virtual"), List.of()),
            "webflux", new Variant("webflux", "webflux", WEBFLUX_JAR, List.of(), List.of()),
            "mvc-10k", new Variant("mvc-10k", "mvc", MVC_JAR, List.of("threads-10k"), List.of()));

    public Variant {
        profiles = List.copyOf(profiles);
        extraArgs = List.copyOf(extraArgs);
    }

    public static Variant named(String name) {
        Variant v = KNOWN.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown variant '" + name + "'; known: "
                    + KNOWN.keySet().stream().sorted().toList());
        }
        return v;
    }

    public Variant withExtraArgs(List<String> args) {
        return new Variant(name, app, jar, profiles, args);
    }

    /** The app's command-line arguments (Spring Boot properties) for a run against {@code stubUrl}. */
    public List<String> arguments(String port, String stubUrl) {
        List<String> args =
                new java.util.ArrayList<>(List.of("--server.port=" + port, "--lab.downstream.base-url=" + stubUrl));
        if (!profiles.isEmpty()) {
            args.add("--spring.profiles.active=" + String.join(",", profiles));
        }
        args.addAll(extraArgs);
        return args;
    }

    /** The Tomcat thread limit set by an extra argument, if any (a fallback when /actuator/info does not say). */
    Integer maxThreadsFromArgs() {
        String prefix = "--server.tomcat.threads.max=";
        return extraArgs.stream()
                .filter(a -> a.startsWith(prefix))
                .map(a -> Integer.valueOf(a.substring(prefix.length())))
                .reduce((a, b) -> b)
                .orElse(null);
    }
}
