package lab.stub.delay;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.stub.StubProperties;
import lab.stub.problem.InvalidParameterException;

/**
 * Parses and bounds the query of {@code /delay}. Strict on purpose: an unknown, repeated or
 * malformed parameter is a caller's bug that should fail loudly, not be silently defaulted.
 */
final class DelayQuery {

    static final String MS = "ms";
    static final String BYTES = "bytes";
    static final String JITTER_MS = "jitterMs";
    static final String STATUS = "status";
    static final String FAULT = "fault";

    private static final Set<String> KNOWN = Set.of(MS, BYTES, JITTER_MS, STATUS, FAULT);
    private static final int MIN_STATUS = 200;
    private static final int MAX_STATUS = 599;
    // Long.MAX_VALUE has 19 digits; anything longer cannot be in range and must not overflow.
    private static final int MAX_DIGITS = 18;

    private final StubProperties.Limits limits;
    private final StubProperties.Defaults defaults;

    DelayQuery(StubProperties.Limits limits, StubProperties.Defaults defaults) {
        this.limits = limits;
        this.defaults = defaults;
    }

    DelayParameters parse(String uri) {
        Map<String, List<String>> params = decode(uri);
        for (String name : params.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new InvalidParameterException(name, "unknown parameter " + name);
            }
        }
        long ms = integer(params, MS, 0, limits.maxDelayMs(), defaults.delayMs());
        int bytes = (int) integer(params, BYTES, 0, limits.maxBytes(), defaults.bytes());
        long jitterMs = integer(params, JITTER_MS, 0, limits.maxDelayMs(), 0);
        int status = (int) integer(params, STATUS, MIN_STATUS, MAX_STATUS, DelayParameters.NO_STATUS);
        return new DelayParameters(ms, bytes, jitterMs, status, fault(params));
    }

    private static Map<String, List<String>> decode(String uri) {
        try {
            return new QueryStringDecoder(uri).parameters();
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(null, "the query string is not valid URL encoding");
        }
    }

    private static long integer(Map<String, List<String>> params, String name, long min, long max, long absent) {
        String value = single(params, name);
        if (value == null) {
            return absent;
        }
        if (!isDigits(value)) {
            throw outOfRange(name, min, max);
        }
        long parsed = Long.parseLong(value);
        if (parsed < min || parsed > max) {
            throw outOfRange(name, min, max);
        }
        return parsed;
    }

    private static Fault fault(Map<String, List<String>> params) {
        String value = single(params, FAULT);
        if (value == null) {
            return null;
        }
        Fault fault = Fault.parse(value);
        if (fault == null) {
            throw new InvalidParameterException(FAULT, FAULT + " must be one of " + Fault.CHOICES);
        }
        return fault;
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidParameterException(name, name + " must be given once");
        }
        return values.getFirst();
    }

    private static boolean isDigits(String value) {
        if (value.isEmpty() || value.length() > MAX_DIGITS) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static InvalidParameterException outOfRange(String name, long min, long max) {
        return new InvalidParameterException(name, name + " must be an integer between " + min + " and " + max);
    }
}
