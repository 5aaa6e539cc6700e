package lab.runner.environment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.runrecord.Reproduction;
import lab.variants.App;

/**
 * What it takes to run a run again: the git commit the jars come from, the command line, and the
 * versions of what ran, read from the apps' own jars (their {@code BOOT-INF/lib}) and this JVM.
 */
public final class ReproductionProbe {

    private static final long GIT_TIMEOUT_S = 10;

    private ReproductionProbe() {}

    public static Reproduction describe(Path root, List<String> commandLine) {
        Optional<String> commit = git(root, "rev-parse", "HEAD");
        Boolean dirty = commit.isEmpty()
                ? null
                : git(root, "status", "--porcelain", "--untracked-files=no")
                        .map(s -> !s.isBlank())
                        .orElse(null);
        Path mvc = root.resolve(App.MVC.jar());
        Path webflux = root.resolve(App.WEBFLUX.jar());
        return new Reproduction(
                commit.orElse(null),
                dirty,
                commandLine,
                new Reproduction.Versions(
                        System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                        libraryVersion(mvc, "spring-boot").orElse(null),
                        libraryVersion(mvc, "spring-core").orElse(null),
                        libraryVersion(webflux, "reactor-netty-http").orElse(null),
                        libraryVersion(mvc, "tomcat-embed-core").orElse(null),
                        gatlingVersion()));
    }

    /** The version of {@code BOOT-INF/lib/<artifact>-<version>.jar} inside a Boot jar. */
    static Optional<String> libraryVersion(Path bootJar, String artifact) {
        Pattern lib = Pattern.compile("BOOT-INF/lib/" + Pattern.quote(artifact) + "-(\\d[^/]*)\\.jar");
        try (JarFile jar = new JarFile(bootJar.toFile())) {
            return jar.stream()
                    .map(e -> lib.matcher(e.getName()))
                    .filter(Matcher::matches)
                    .map(m -> m.group(1))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String gatlingVersion() {
        Pattern jar = Pattern.compile(".*gatling-core-(\\d[^/]*)\\.jar");
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            Matcher m = jar.matcher(entry);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static Optional<String> git(Path root, String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(GIT_TIMEOUT_S, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
