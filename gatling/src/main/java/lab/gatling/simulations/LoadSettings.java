package lab.gatling.simulations;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Every knob of every simulation, read in one place.
 *
 * <p>Each setting is a system property ({@code -Dusers=400}); when the property is absent the
 * matching environment variable is used ({@code USERS=400}, camelCase becomes UPPER_SNAKE), so
 * the same simulations run from Maven, from the lab and as a Kubernetes Job.
 */
public record LoadSettings(
        URI target,
        int users,
        List<Integer> ladder,
        int rate,
        int baseRate,
        int spikeUsers,
        int delayMs,
        int bytes,
        int calls,
        int rounds,
        int durationSeconds,
        int rampSeconds,
        int requestTimeoutMs,
        int maxConnections,
        boolean assertions,
        double maxKoPercent,
        int openSeconds,
        int settleSeconds) {

    /** Property names and their defaults: the documented surface, kept in one table. */
    public static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("target", "http://127.0.0.1:8082"),
            Map.entry("users", "200"),
            Map.entry("ladder", ""),
            // above what MVC's 200 threads can serve at 100 ms (about 1,900 rps)
            Map.entry("rate", "2500"),
            Map.entry("baseRate", "200"),
            Map.entry("spikeUsers", "2000"),
            Map.entry("delayMs", "100"),
            Map.entry("bytes", "128"),
            Map.entry("calls", "4"),
            Map.entry("rounds", "1000"),
            Map.entry("durationSeconds", "30"),
            Map.entry("rampSeconds", "0"),
            Map.entry("requestTimeoutMs", "10000"),
            Map.entry("maxConnections", "10000"),
            Map.entry("assertions", "true"),
            Map.entry("maxKoPercent", "1"),
            // no open-model step after a closed-model ladder unless asked
            Map.entry("openSeconds", "0"),
            // Gatling starts closed-model users in one-second batches (and starts an open step's
            // arrivals per second), so a step reaches its level within the first second after its
            // ramp; 1 s also keeps the sample that straddles the ramp's end out of 1-second series
            Map.entry("settleSeconds", "1"));

    private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    public LoadSettings {
        String scheme = target.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || target.getHost() == null) {
            throw new IllegalArgumentException("target must be an http(s) URL, got " + target);
        }
        ladder = List.copyOf(ladder);
        requirePositive("users", users);
        ladder.forEach(step -> requirePositive("ladder step", step));
        requirePositive("rate", rate);
        requirePositive("baseRate", baseRate);
        requirePositive("spikeUsers", spikeUsers);
        requireNotNegative("delayMs", delayMs);
        requireNotNegative("bytes", bytes);
        requirePositive("calls", calls);
        requirePositive("rounds", rounds);
        requirePositive("durationSeconds", durationSeconds);
        requireNotNegative("rampSeconds", rampSeconds);
        requirePositive("requestTimeoutMs", requestTimeoutMs);
        requirePositive("maxConnections", maxConnections);
        if (maxKoPercent < 0 || maxKoPercent > 100) {
            throw new IllegalArgumentException("maxKoPercent must be between 0 and 100, got " + maxKoPercent);
        }
        requireNotNegative("openSeconds", openSeconds);
        requireNotNegative("settleSeconds", settleSeconds);
    }

    /** Settings of this JVM: system properties first, then environment variables, then defaults. */
    public static LoadSettings current() {
        return from(name ->
                Optional.ofNullable(System.getProperty(name)).orElseGet(() -> System.getenv(environmentName(name))));
    }

    /** Settings from any lookup of property names (null when unset); used by tests. */
    public static LoadSettings from(UnaryOperator<String> lookup) {
        UnaryOperator<String> withDefaults = name -> {
            String value = lookup.apply(name);
            return value == null || value.isBlank() ? DEFAULTS.get(name) : value.trim();
        };
        return new LoadSettings(
                uriOf(withDefaults.apply("target")),
                intOf(withDefaults, "users"),
                ladderOf(withDefaults.apply("ladder")),
                intOf(withDefaults, "rate"),
                intOf(withDefaults, "baseRate"),
                intOf(withDefaults, "spikeUsers"),
                intOf(withDefaults, "delayMs"),
                intOf(withDefaults, "bytes"),
                intOf(withDefaults, "calls"),
                intOf(withDefaults, "rounds"),
                intOf(withDefaults, "durationSeconds"),
                intOf(withDefaults, "rampSeconds"),
                intOf(withDefaults, "requestTimeoutMs"),
                intOf(withDefaults, "maxConnections"),
                booleanOf(withDefaults, "assertions"),
                doubleOf(withDefaults, "maxKoPercent"),
                intOf(withDefaults, "openSeconds"),
                intOf(withDefaults, "settleSeconds"));
    }

    /** {@code durationSeconds} becomes {@code DURATION_SECONDS}. */
    public static String environmentName(String propertyName) {
        return CAMEL_HUMP.matcher(propertyName).replaceAll("_").toUpperCase(Locale.ROOT);
    }

    /** The closed-model user counts to run: the ladder when one is given, else {@code users}. */
    public List<Integer> closedModelSteps() {
        return ladder.isEmpty() ? List.of(users) : ladder;
    }

    /** The highest closed-model concurrency, which is also the number of sockets Gatling opens. */
    public int peakUsers() {
        return closedModelSteps().stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    private static URI uriOf(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("target must be an http(s) URL, got " + value, e);
        }
    }

    private static List<Integer> ladderOf(String value) {
        if (value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(step -> !step.isEmpty())
                .map(step -> parse("ladder", step, Integer::valueOf))
                .toList();
    }

    private static int intOf(UnaryOperator<String> lookup, String name) {
        return parse(name, lookup.apply(name), Integer::valueOf);
    }

    private static double doubleOf(UnaryOperator<String> lookup, String name) {
        return parse(name, lookup.apply(name), Double::valueOf);
    }

    private static boolean booleanOf(UnaryOperator<String> lookup, String name) {
        String value = lookup.apply(name).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(name + " must be true or false, got " + value);
        }
        return Boolean.parseBoolean(value);
    }

    private static <T> T parse(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'", e);
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static void requireNotNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }
}
