package lab.app.core.problem;

/**
 * The error catalogue of docs/contract.md: one entry per kind of failure, with the status and the
 * fixed wording both apps answer with. Details never carry exception text.
 */
public enum ProblemType {
    INVALID_PARAMETER(400, "invalid-parameter", "Invalid parameter", "invalid parameter"),
    BAD_REQUEST(400, "bad-request", "Bad request", "the request could not be understood"),
    NOT_FOUND(404, "not-found", "Not found", "no endpoint at this path"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed", "only GET and HEAD are allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable", "this endpoint produces application/json only"),
    CONTENT_TOO_LARGE(413, "content-too-large", "Content too large", "these endpoints take no request body"),
    URI_TOO_LONG(414, "uri-too-long", "URI too long", "the query string is too long"),
    INTERNAL_ERROR(500, "internal-error", "Internal error", "unexpected error"),
    DOWNSTREAM_FAILED(502, "downstream-failed", "Downstream failed", "the downstream service failed"),
    OVERLOADED(503, "overloaded", "Overloaded", "too many requests in progress, retry later"),
    DOWNSTREAM_TIMEOUT(
            504, "downstream-timeout", "Downstream timeout", "the downstream service did not answer in time");

    public static final String TYPE_PREFIX = "https://lab.example/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final String defaultDetail;

    ProblemType(int status, String suffix, String title, String defaultDetail) {
        this.status = status;
        this.type = TYPE_PREFIX + suffix;
        this.title = title;
        this.defaultDetail = defaultDetail;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Problem at(String instance) {
        return new Problem(type, title, status, defaultDetail, instance, null);
    }

    public Problem at(String instance, String detail) {
        return new Problem(type, title, status, detail, instance, null);
    }

    /**
     * The catalogue entry for a status the web server or framework decided on its own
     * (container errors): every other client error is a plain 400, every other failure a 500.
     */
    public static ProblemType forStatus(int status) {
        for (ProblemType candidate : values()) {
            if (candidate.status == status && candidate != INVALID_PARAMETER) {
                return candidate;
            }
        }
        return status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_ERROR;
    }
}
