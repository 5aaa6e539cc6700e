package lab.app.core.request;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The endpoints of the contract and the parameters each one accepts. */
public enum Endpoint {
    IO("/api/io", Parameter.DELAY_MS, Parameter.BYTES),
    FANOUT("/api/fanout", Parameter.CALLS, Parameter.DELAY_MS),
    CPU("/api/cpu", Parameter.ROUNDS),
    BLOCKING_IO("/api/blocking-io", Parameter.DELAY_MS),
    OFFLOADED_IO("/api/offloaded-io", Parameter.DELAY_MS);

    /** Everything under this prefix is "the API": guarded, counted in progress, shed under overload. */
    public static final String API_PREFIX = "/api/";

    /** Meter tag value for paths that are not an endpoint (keeps tag cardinality bounded). */
    public static final String UNKNOWN_PATH_TAG = "UNKNOWN";

    /** The methods every endpoint allows: the value of the Allow header on 405. */
    public static final String ALLOWED_METHODS = "GET, HEAD";

    private final String path;
    private final List<Parameter> parameters;

    Endpoint(String path, Parameter... parameters) {
        this.path = path;
        this.parameters = List.of(parameters);
    }

    public String path() {
        return path;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public static Optional<Endpoint> forPath(String path) {
        return Arrays.stream(values())
                .filter(endpoint -> endpoint.path.equals(path))
                .findFirst();
    }

    public static boolean isApi(String path) {
        return path.startsWith(API_PREFIX);
    }

    public static boolean isAllowedMethod(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** A low-cardinality tag for a request URI (with or without query): the endpoint path, else "UNKNOWN". */
    public static String tagFor(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        return forPath(path).map(Endpoint::path).orElse(UNKNOWN_PATH_TAG);
    }
}
