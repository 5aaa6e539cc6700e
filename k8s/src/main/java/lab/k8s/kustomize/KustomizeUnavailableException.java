package lab.k8s.kustomize;

/** Neither kubectl nor kustomize could be found or started; the message says how to install one. */
public class KustomizeUnavailableException extends RuntimeException {

    public KustomizeUnavailableException(String message) {
        super(message);
    }
}
