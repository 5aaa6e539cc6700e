package lab.k8s.kustomize;

/** The tool ran and rejected the kustomization; the message carries its error output. */
public class KustomizeFailedException extends RuntimeException {

    public KustomizeFailedException(String message) {
        super(message);
    }
}
