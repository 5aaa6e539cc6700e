package lab.app.core.request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import lab.app.core.problem.Problem;
import lab.app.core.problem.ProblemException;
import lab.app.core.settings.LabProperties.Limits;

/**
 * Parses the raw query string itself (not through the web framework) so that both apps accept and
 * reject exactly the same inputs: not a number, out of range, empty, repeated, unknown, badly encoded.
 * Only ASCII digits count as digits ({@code Integer.parseInt} alone would take Arabic-Indic ones).
 */
public final class RequestParser {

    // Plain decimal digits only: no sign, no spaces, no exponent; the length cap keeps parseInt from overflowing.
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private final Limits limits;

    public RequestParser(Limits limits) {
        this.limits = limits;
    }

    /**
     * @param rawQuery the query string as received, still percent-encoded; null when there is none
     * @throws ProblemException with an {@code invalid-parameter} problem on the first bad parameter
     */
    public ApiRequest parse(Endpoint endpoint, String rawQuery) {
        Map<Parameter, Integer> given = new EnumMap<>(Parameter.class);
        if (rawQuery == null || rawQuery.isEmpty()) {
            return ApiRequest.of(given);
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName).orElse(rawName);
            Parameter parameter =
                    find(endpoint, name).orElseThrow(() -> invalid(name, "unknown parameter " + name, endpoint));
            if (given.containsKey(parameter)) {
                throw invalid(name, name + " must be given once", endpoint);
            }
            // A value that does not even decode is just another value that is not an integer.
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1)).orElse("");
            given.put(parameter, valueOf(parameter, value, endpoint));
        }
        return ApiRequest.of(given);
    }

    private int valueOf(Parameter parameter, String value, Endpoint endpoint) {
        int max = parameter.max(limits);
        if (DIGITS.matcher(value).matches()) {
            int number = Integer.parseInt(value);
            if (number >= parameter.min() && number <= max) {
                return number;
            }
        }
        String detail = parameter.queryName() + " must be an integer between " + parameter.min() + " and " + max;
        throw invalid(parameter.queryName(), detail, endpoint);
    }

    private static Optional<Parameter> find(Endpoint endpoint, String name) {
        return endpoint.parameters().stream()
                .filter(p -> p.queryName().equals(name))
                .findFirst();
    }

    private static Optional<String> decode(String encoded) {
        try {
            return Optional.of(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static ProblemException invalid(String parameter, String detail, Endpoint endpoint) {
        return new ProblemException(Problem.invalidParameter(parameter, detail, endpoint.path()));
    }
}
