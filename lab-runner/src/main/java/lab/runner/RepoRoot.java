package lab.runner;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: {@code LAB_HOME} (set by ./lab), else the nearest parent holding the stub's module. */
final class RepoRoot {

    private RepoRoot() {}

    static Path find() {
        String home = System.getenv("LAB_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("downstream-stub")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return dir;
    }
}
