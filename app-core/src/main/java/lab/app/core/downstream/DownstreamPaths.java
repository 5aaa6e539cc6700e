package lab.app.core.downstream;

/** The stub's endpoint both apps call, and the single client meter tag for it. */
public final class DownstreamPaths {

    public static final String DELAY = "/delay";

    /**
     * The URI template of one call. Clients are given the template, not the expanded URI, so
     * {@code http.client.requests} is tagged with it rather than with every value of the query.
     */
    public static final String DELAY_TEMPLATE = DELAY + "?ms={ms}&bytes={bytes}";

    private DownstreamPaths() {}

    /** Client meters get one uri tag whatever the query (no tag explosion). */
    public static String uriTag(String uri) {
        return DELAY;
    }
}
