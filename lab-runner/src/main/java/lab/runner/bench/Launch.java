package lab.runner.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.variants.Variant;

/**
 * A variant as the runner starts it: the variant and the extra Spring Boot arguments given for it
 * on the command line ({@code --app-arg mvc:--server.tomcat.threads.max=50}).
 */
public record Launch(Variant variant, List<String> extraArgs) {

    private static final String MAX_THREADS_ARG = "--server.tomcat.threads.max=";

    public Launch {
        extraArgs = List.copyOf(extraArgs);
    }

    public static Launch of(Variant variant) {
        return new Launch(variant, List.of());
    }

    public static Launch named(String name) {
        return of(Variant.named(name));
    }

    public Launch withExtraArgs(List<String> args) {
        return new Launch(variant, args);
    }

    /** The variant's name ({@code mvc}, {@code mvc-vt}, ...). */
    public String name() {
        return variant.id();
    }

    /** The app's jar, relative to the repository root. */
    public Path jar() {
        return variant.app().jar();
    }

    /** The app's command-line arguments (Spring Boot properties) for a run against {@code stubUrl}. */
    public List<String> arguments(String port, String stubUrl) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--lab.downstream.base-url=" + stubUrl));
        args.addAll(variant.profileArgs());
        args.addAll(extraArgs);
        return args;
    }

    /** The Tomcat thread limit set by an extra argument, if any (a fallback when /actuator/info does not say). */
    public Integer maxThreadsFromArgs() {
        return extraArgs.stream()
                .filter(a -> a.startsWith(MAX_THREADS_ARG))
                .map(a -> Integer.valueOf(a.substring(MAX_THREADS_ARG.length())))
                .reduce((a, b) -> b)
                .orElse(null);
    }
}
