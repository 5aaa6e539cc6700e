package lab.contract.kit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import lab.variants.App;

/**
 * Finds the executable (Boot-repackaged) jars of the stub and the apps.
 *
 * <p>Modules that run them declare a test-scoped dependency on those artifacts, so the reactor
 * builds them first and the resolved jar is on {@code java.class.path}. Outside a full reactor
 * build (e.g. {@code -pl parity-tests}) that entry is a {@code target/classes} directory or missing,
 * so we also look at {@code <repo>/<module>/target/<module>.jar} and take the newer of the two. A system property
 * {@code lab.jar.<module>} (a path) overrides both.
 */
public final class Jars {

    private Jars() {}

    public static Path stub() {
        return of(App.STUB);
    }

    public static Path mvcApp() {
        return of(App.MVC);
    }

    public static Path webfluxApp() {
        return of(App.WEBFLUX);
    }

    /** The executable jar of {@code app}. */
    public static Path of(App app) {
        return find(app.module());
    }

    /**
     * The executable jar of every app, or one failure naming all the missing ones and how to build
     * them: for a module whose tests run all of them (the runner's, the parity tests).
     */
    public static Map<App, Path> requireBuilt() {
        Map<App, Path> jars = new EnumMap<>(App.class);
        List<String> missing = new ArrayList<>();
        for (App app : App.values()) {
            try {
                jars.put(app, of(app));
            } catch (IllegalStateException e) {
                missing.add(app.module());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no executable jar of " + missing + "; build them first: ./mvnw -q"
                    + " -DskipTests package (or the whole ./mvnw verify)");
        }
        return jars;
    }

    /** The executable jar of {@code module} ({@code downstream-stub}, {@code mvc-app}, {@code webflux-app}). */
    public static Path find(String module) {
        String override = System.getProperty("lab.jar." + module);
        if (override != null) {
            Path jar = Path.of(override);
            if (isExecutableJar(jar)) {
                return jar;
            }
            throw new IllegalStateException("-Dlab.jar." + module + "=" + override + " is not an executable jar");
        }
        // In a reactor build both are the same file; with -pl the class path holds the copy last
        // installed in ~/.m2, which may be older than the module's freshly packaged jar.
        return Stream.of(onClassPath(module), inRepository(module))
                .flatMap(Optional::stream)
                .max(Comparator.comparing(Jars::lastModified))
                .orElseThrow(() -> new IllegalStateException("no executable jar of " + module
                        + " found on the class path or at <repo>/" + module + "/target/" + module + ".jar;"
                        + " build it first: ./mvnw -q -DskipTests install -pl " + module + " -am"));
    }

    private static Optional<Path> onClassPath(String module) {
        return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .filter(p -> {
                    String file = p.getFileName() == null ? "" : p.getFileName().toString();
                    return file.equals(module + ".jar")
                            || (file.startsWith(module + "-")
                                    && file.endsWith(".jar")
                                    && !file.endsWith("-tests.jar")
                                    && !file.endsWith("-sources.jar"));
                })
                .filter(Jars::isExecutableJar)
                .findFirst();
    }

    private static Optional<Path> inRepository(String module) {
        return repositoryRoot()
                .map(root -> root.resolve(module).resolve("target").resolve(module + ".jar"))
                .filter(Jars::isExecutableJar);
    }

    private static FileTime lastModified(Path jar) {
        try {
            return Files.getLastModifiedTime(jar);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** The directory holding {@code mvnw}: the working directory or one of its parents. */
    public static Optional<Path> repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("downstream-stub"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** A Boot-repackaged jar names its application class in {@code Start-Class}. */
    public static boolean isExecutableJar(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            return jar.getManifest() != null
                    && jar.getManifest().getMainAttributes().getValue("Start-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
