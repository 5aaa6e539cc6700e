package lab.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests both apps must answer identically: good ones (200 with the result body) and bad ones
 * (4xx with a problem body). Each case names its golden file {@code golden/<name>.json}. Shared by
 * the contract suite and the parity tests, so both check the same list.
 */
public final class ContractCases {

    /** {@code lab.limits.max-query-length}: the first query length that must be refused. */
    public static final int MAX_QUERY_LENGTH = 1024;

    private ContractCases() {}

    /** A request that must succeed: its golden body is the normalised 200 body. */
    public record Success(String name, String target, int calls, int delayMs, String why) {

        @Override
        public String toString() {
            return "200 for " + target + " (" + why + ")";
        }
    }

    /**
     * A request that must fail with {@code status}; sent byte for byte over a raw socket, so targets
     * may hold what the JDK client refuses to send.
     */
    public record BadInput(
            String name, String method, String target, Map<String, String> headers, int status, String why) {

        /** The request as sent: the target byte for byte, the headers, {@code Connection: close}. */
        public String rawRequest(int port) {
            StringBuilder request = new StringBuilder()
                    .append(method)
                    .append(' ')
                    .append(target)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:")
                    .append(port)
                    .append("\r\n");
            headers.forEach((name, value) ->
                    request.append(name).append(": ").append(value).append("\r\n"));
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                request.append("Content-Length: 0\r\n");
            }
            return request.append("Connection: close\r\n\r\n").toString();
        }

        @Override
        public String toString() {
            return status + " for " + method + " " + abbreviate(target) + " (" + why + ")";
        }

        private static String abbreviate(String target) {
            int max = 60;
            return target.length() <= max ? target : target.substring(0, max) + "…(" + target.length() + " chars)";
        }
    }

    public static List<Success> successes() {
        return List.of(
                new Success("ok-io", "/api/io?delayMs=50&bytes=64", 1, 50, "io with both parameters"),
                new Success("ok-io-defaults", "/api/io", 1, 100, "io with defaults"),
                new Success("ok-io-lower-bounds", "/api/io?delayMs=0&bytes=0", 1, 0, "io at lower bounds"),
                new Success("ok-io-max-bytes", "/api/io?delayMs=0&bytes=65536", 1, 0, "io at bytes upper bound"),
                new Success("ok-io-leading-zeros", "/api/io?delayMs=050", 1, 50, "leading zeros are still decimal"),
                new Success("ok-fanout", "/api/fanout?calls=3&delayMs=50", 3, 50, "fanout with both parameters"),
                new Success("ok-fanout-defaults", "/api/fanout", 4, 100, "fanout with defaults"),
                new Success(
                        "ok-fanout-max-calls", "/api/fanout?calls=32&delayMs=0", 32, 0, "fanout at calls upper bound"),
                new Success(
                        "ok-fanout-parameter-order",
                        "/api/fanout?delayMs=20&calls=2",
                        2,
                        20,
                        "parameters in any order"),
                new Success("ok-cpu", "/api/cpu?rounds=1000", 0, 0, "cpu"),
                new Success("ok-cpu-defaults", "/api/cpu", 0, 0, "cpu with defaults"),
                new Success("ok-cpu-lower-bound", "/api/cpu?rounds=1", 0, 0, "cpu at lower bound"),
                new Success("ok-blocking-io", "/api/blocking-io?delayMs=50", 1, 50, "blocking-io"),
                new Success("ok-blocking-io-defaults", "/api/blocking-io", 1, 100, "blocking-io with defaults"),
                new Success("ok-offloaded-io", "/api/offloaded-io?delayMs=50", 1, 50, "offloaded-io"),
                new Success("ok-offloaded-io-defaults", "/api/offloaded-io", 1, 100, "offloaded-io with defaults"));
    }

    public static List<BadInput> badInputs() {
        List<BadInput> cases = new ArrayList<>();
        // values: every way a number can be malformed or out of range
        cases.add(get("delay-negative", "/api/io?delayMs=-1", 400, "negative"));
        cases.add(get("delay-just-above-bound", "/api/io?delayMs=10001", 400, "just above the bound"));
        cases.add(get("delay-huge", "/api/io?delayMs=2147483648", 400, "above int range"));
        cases.add(get("delay-overflowing-long", "/api/io?delayMs=99999999999999999999", 400, "overflows a long"));
        cases.add(get("delay-not-a-number", "/api/io?delayMs=abc", 400, "not a number"));
        cases.add(get("delay-decimal", "/api/io?delayMs=1.5", 400, "decimal"));
        cases.add(get("delay-exponent", "/api/io?delayMs=1e3", 400, "exponent"));
        cases.add(get("delay-empty", "/api/io?delayMs=", 400, "empty value"));
        cases.add(get("delay-missing-equals", "/api/io?delayMs", 400, "missing ="));
        cases.add(get("delay-leading-plus", "/api/io?delayMs=%2B5", 400, "leading + (encoded)"));
        cases.add(get("delay-raw-plus", "/api/io?delayMs=+5", 400, "raw + (decodes to a space)"));
        cases.add(get("delay-leading-space", "/api/io?delayMs=%205", 400, "leading whitespace"));
        cases.add(get("delay-trailing-space", "/api/io?delayMs=5%20", 400, "trailing whitespace"));
        cases.add(get("delay-hex", "/api/io?delayMs=0x10", 400, "hex"));
        cases.add(get(
                "delay-arabic-indic-digits",
                "/api/io?delayMs=%D9%A1%D9%A0%D9%A0",
                400,
                "Arabic-Indic digits (Integer.parseInt would accept them)"));
        cases.add(get("delay-fullwidth-digits", "/api/io?delayMs=%EF%BC%95", 400, "fullwidth digit"));
        cases.add(get("delay-bad-percent-escape", "/api/io?delayMs=%zz", 400, "percent-encoded garbage"));
        cases.add(get("delay-truncated-percent-escape", "/api/io?delayMs=5%2", 400, "truncated percent escape"));
        cases.add(get("name-bad-percent-escape", "/api/io?%zz=1", 400, "percent garbage in a name: an unknown name"));
        cases.add(get("delay-invalid-utf8", "/api/io?delayMs=%C3%28", 400, "escapes that are not UTF-8"));
        cases.add(get("delay-double-equals", "/api/io?delayMs==5", 400, "value starting with ="));
        cases.add(get("delay-encoded-crlf", "/api/io?delayMs=1%0D%0A", 400, "encoded CRLF after the value"));
        // characters a URI may not hold: the server refuses to parse the target, the app still answers the catalogue
        cases.add(
                get("query-illegal-characters", "/api/io?delayMs=<1>", 400, "< and > in the query: bad-request at /"));
        cases.add(get("query-illegal-pipe", "/api/io?delayMs=1|2", 400, "| in the query: bad-request at /"));
        cases.add(get("path-bad-percent-escape", "/api/%zz", 400, "percent garbage in the path: bad-request"));
        cases.add(get("bytes-above-bound", "/api/io?bytes=65537", 400, "bytes just above the bound"));
        cases.add(get("bytes-negative", "/api/io?bytes=-5", 400, "bytes negative"));
        cases.add(get("fanout-zero-calls", "/api/fanout?calls=0", 400, "zero where not allowed"));
        cases.add(get("fanout-calls-above-bound", "/api/fanout?calls=33", 400, "calls just above the bound"));
        cases.add(get("fanout-delay-above-bound", "/api/fanout?delayMs=10001", 400, "fanout delay above the bound"));
        cases.add(get("cpu-zero-rounds", "/api/cpu?rounds=0", 400, "zero where not allowed"));
        cases.add(get("cpu-rounds-above-bound", "/api/cpu?rounds=1000001", 400, "rounds just above the bound"));
        cases.add(get("blocking-io-negative-delay", "/api/blocking-io?delayMs=-1", 400, "blocking-io negative"));
        cases.add(get("offloaded-io-negative-delay", "/api/offloaded-io?delayMs=-1", 400, "offloaded-io negative"));
        cases.add(get("offloaded-io-bytes", "/api/offloaded-io?bytes=1", 400, "offloaded-io takes no bytes"));
        // names
        cases.add(get("delay-repeated", "/api/io?delayMs=1&delayMs=2", 400, "repeated parameter"));
        cases.add(get("delay-repeated-same-value", "/api/io?delayMs=5&delayMs=5", 400, "repeated, same value"));
        cases.add(get("unknown-parameter", "/api/io?foo=1", 400, "unknown parameter"));
        cases.add(get("parameter-of-another-endpoint", "/api/cpu?delayMs=5", 400, "parameter of another endpoint"));
        cases.add(get("parameter-name-wrong-case", "/api/io?DelayMs=5", 400, "names are case-sensitive"));
        cases.add(get(
                "query-at-limit",
                "/api/io?" + query(MAX_QUERY_LENGTH),
                400,
                "query of exactly the limit passes the length check"));
        // paths
        cases.add(get("unknown-endpoint", "/api/nope", 404, "unknown endpoint"));
        cases.add(get("root", "/", 404, "no endpoint at /"));
        cases.add(get("endpoint-suffix", "/api/io/extra", 404, "path below an endpoint"));
        cases.add(get("trailing-slash", "/api/io/", 404, "trailing slash"));
        cases.add(get("endpoint-wrong-case", "/api/IO", 404, "paths are case-sensitive"));
        cases.add(get("dot-segments", "/api/../api/io", 404, "dot segments are not resolved into an endpoint"));
        cases.add(get("empty-segment", "//api/io", 404, "empty path segment"));
        // methods
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            cases.add(new BadInput(
                    "method-" + method.toLowerCase(java.util.Locale.ROOT),
                    method,
                    "/api/io?delayMs=1",
                    json(),
                    405,
                    "wrong method"));
        }
        cases.add(new BadInput("method-post-fanout", "POST", "/api/fanout", json(), 405, "wrong method"));
        // representation and size
        cases.add(new BadInput(
                "accept-html-only",
                "GET",
                "/api/io?delayMs=1",
                Map.of("Accept", "text/html"),
                406,
                "Accept: text/html only"));
        cases.add(new BadInput(
                "accept-xml-only",
                "GET",
                "/api/cpu?rounds=1",
                Map.of("Accept", "application/xml"),
                406,
                "Accept: application/xml only"));
        cases.add(
                get("query-too-long", "/api/io?" + query(MAX_QUERY_LENGTH + 1), 414, "query one char over the limit"));
        cases.add(get("query-far-too-long", "/api/io?" + query(8 * MAX_QUERY_LENGTH), 414, "query 8x the limit"));
        return List.copyOf(cases);
    }

    /** {@code pad=xxxx…} of exactly {@code length} characters. */
    static String query(int length) {
        String name = "pad=";
        return name + "x".repeat(length - name.length());
    }

    private static BadInput get(String name, String target, int status, String why) {
        return new BadInput(name, "GET", target, json(), status, why);
    }

    private static Map<String, String> json() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        return headers;
    }
}
