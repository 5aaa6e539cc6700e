package lab.gatling.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns Gatling's error messages (exception names, addresses, check messages) into a handful of
 * stable classes that can be compared across runs and stacks.
 */
final class ErrorClassifier {

    private static final Pattern STATUS = Pattern.compile("found (\\d{3})");
    private static final int MAX_OTHER_LENGTH = 80;

    /** First match wins: a connect timeout is a timeout, but a more specific one. */
    private static final List<Function<String, Optional<String>>> RULES = List.of(
            contains("connect refused", "connection refused"),
            contains("connect timeout", "connecttimeout", "connect timed out", "connection timed out"),
            contains("no local ports", "cannot assign requested address", "bindexception"),
            contains("too many open files", "too many open files"),
            contains("timeout", "timeout", "timed out"),
            ErrorClassifier::status,
            contains("connection reset", "connection reset"),
            contains(
                    "premature close",
                    "prematurechannelclosure",
                    "premature",
                    "connection closed",
                    "closedchannel",
                    "channel closed",
                    "remotely closed"));

    private ErrorClassifier() {}

    static String classify(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return RULES.stream()
                .map(rule -> rule.apply(lower))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseGet(() -> "other: " + abbreviate(message.strip()));
    }

    /** Counts by error class, most frequent first (ties by name), as reports list them. */
    static Map<String, Long> mostFrequentFirst(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, LinkedHashMap::new));
    }

    private static Optional<String> status(String lower) {
        Matcher matcher = STATUS.matcher(lower);
        return matcher.find() ? Optional.of("status " + matcher.group(1)) : Optional.empty();
    }

    private static Function<String, Optional<String>> contains(String errorClass, String... fragments) {
        return lower -> {
            for (String fragment : fragments) {
                if (lower.contains(fragment)) {
                    return Optional.of(errorClass);
                }
            }
            return Optional.empty();
        };
    }

    private static String abbreviate(String message) {
        return message.length() <= MAX_OTHER_LENGTH ? message : message.substring(0, MAX_OTHER_LENGTH) + "...";
    }
}
