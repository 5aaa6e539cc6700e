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

    private static final List<String> NAMES = List.of(MS, BYTES, JITTER_MS, STATUS, FAULT);
    private static final Set<String> KNOWN = Set.copyOf(NAMES);
    private static final int DECIMAL = 10;
    // QueryStringDecoder's default limit on the number of parameters it reads.
    private static final int PARAMS_LIMIT = 1024;
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
        int query = uri.indexOf('?');
        if (query < 0) {
            return new DelayParameters(defaults.delayMs(), defaults.bytes(), 0, DelayParameters.NO_STATUS, null);
        }
        if (isPlain(uri, query + 1)) {
            return parsePlain(uri, query + 1);
        }
        return parseDecoded(uri);
    }

    /**
     * True when the query needs no decoding and has only {@code &}-separated {@code name[=value]}
     * pairs with non-empty names: then {@link #parsePlain} reads it in place, without a map or a
     * string per parameter, and gives exactly what {@link QueryStringDecoder} would. Anything else
     * (escapes, {@code +}, {@code ;}, {@code #}, a pair starting with {@code =}, more pairs than the
     * decoder reads) takes the decoder.
     */
    private static boolean isPlain(String uri, int from) {
        boolean pairStart = true;
        int pairs = 0;
        for (int i = from; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%' || c == '+' || c == ';' || c == '#' || (c == '=' && pairStart)) {
                return false;
            }
            if (pairStart && c != '&') {
                pairs++;
            }
            pairStart = c == '&';
        }
        // The decoder reads only its first PARAMS_LIMIT parameters; leave such queries to it.
        return pairs <= PARAMS_LIMIT;
    }

    /** Reads a plain query (see {@link #isPlain}) with the decoder's rules, checks in the same order. */
    private DelayParameters parsePlain(String uri, int from) {
        // Start and end of the first value of each known name, and how often the name came.
        int[] starts = new int[NAMES.size()];
        int[] ends = new int[NAMES.size()];
        int[] counts = new int[NAMES.size()];
        int pair = from;
        while (pair <= uri.length()) {
            int end = uri.indexOf('&', pair);
            if (end < 0) {
                end = uri.length();
            }
            if (end > pair) {
                int equals = uri.indexOf('=', pair);
                int nameEnd = equals < 0 || equals > end ? end : equals;
                int known = known(uri, pair, nameEnd);
                if (known < 0) {
                    String name = uri.substring(pair, nameEnd);
                    throw new InvalidParameterException(name, "unknown parameter " + name);
                }
                if (counts[known]++ == 0) {
                    starts[known] = nameEnd == end ? end : nameEnd + 1;
                    ends[known] = end;
                }
            }
            pair = end + 1;
        }
        Plain plain = new Plain(uri, starts, ends, counts);
        long ms = plain.integer(MS, 0, limits.maxDelayMs(), defaults.delayMs());
        int bytes = (int) plain.integer(BYTES, 0, limits.maxBytes(), defaults.bytes());
        long jitterMs = plain.integer(JITTER_MS, 0, limits.maxDelayMs(), 0);
        int status = (int) plain.integer(STATUS, MIN_STATUS, MAX_STATUS, DelayParameters.NO_STATUS);
        String faultValue = plain.single(FAULT);
        Fault fault = faultValue == null ? null : fault(faultValue);
        return new DelayParameters(ms, bytes, jitterMs, status, fault);
    }

    private DelayParameters parseDecoded(String uri) {
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
        String faultValue = single(params, FAULT);
        return new DelayParameters(ms, bytes, jitterMs, status, faultValue == null ? null : fault(faultValue));
    }

    /** Index of the known name at {@code uri[start, end)} in {@link #NAMES}, or -1. */
    private static int known(String uri, int start, int end) {
        int length = end - start;
        for (int i = 0; i < NAMES.size(); i++) {
            String name = NAMES.get(i);
            if (name.length() == length && uri.regionMatches(start, name, 0, length)) {
                return i;
            }
        }
        return -1;
    }

    /** The known parameters of a plain query: where each one's first value lies and how often it came. */
    private record Plain(String uri, int[] starts, int[] ends, int[] counts) {

        long integer(String name, long min, long max, long absent) {
            int i = index(name);
            if (counts[i] == 0) {
                return absent;
            }
            once(name, counts[i]);
            return bounded(name, uri, starts[i], ends[i], min, max);
        }

        String single(String name) {
            int i = index(name);
            if (counts[i] == 0) {
                return null;
            }
            once(name, counts[i]);
            return uri.substring(starts[i], ends[i]);
        }

        private static int index(String name) {
            return NAMES.indexOf(name);
        }
    }

    private static void once(String name, int count) {
        if (count > 1) {
            throw new InvalidParameterException(name, name + " must be given once");
        }
    }

    /** The integer at {@code value[start, end)} within {@code min..max}; no string is made. */
    private static long bounded(String name, CharSequence value, int start, int end, long min, long max) {
        int length = end - start;
        if (length == 0 || length > MAX_DIGITS) {
            throw outOfRange(name, min, max);
        }
        long parsed = 0;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw outOfRange(name, min, max);
            }
            parsed = parsed * DECIMAL + (c - '0');
        }
        if (parsed < min || parsed > max) {
            throw outOfRange(name, min, max);
        }
        return parsed;
    }

    private static Fault fault(String value) {
        Fault fault = Fault.parse(value);
        if (fault == null) {
            throw new InvalidParameterException(FAULT, FAULT + " must be one of " + Fault.CHOICES);
        }
        return fault;
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
        return value == null ? absent : bounded(name, value, 0, value.length(), min, max);
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return null;
        }
        once(name, values.size());
        return values.getFirst();
    }

    private static InvalidParameterException outOfRange(String name, long min, long max) {
        return new InvalidParameterException(name, name + " must be an integer between " + min + " and " + max);
    }
}
