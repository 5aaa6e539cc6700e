package lab.resilience.support;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** What one request got: a status and body, or the I/O failure; and how long it took. */
public record Reply(
        int status,
        String contentType,
        Optional<String> retryAfter,
        String body,
        IOException failure,
        Duration elapsed,
        long finishedAtNanos) {

    public static final int NO_ANSWER = -1;

    public boolean answered() {
        return status != NO_ANSWER;
    }

    public long elapsedMillis() {
        return elapsed.toMillis();
    }

    @Override
    public String toString() {
        return answered()
                ? status + " in " + elapsedMillis() + " ms: " + abbreviate(body)
                : "no answer (" + failure + ") after " + elapsedMillis() + " ms";
    }

    private static String abbreviate(String text) {
        int max = 300;
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
