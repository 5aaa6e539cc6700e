package lab.stub.metrics;

import java.util.Locale;

/** How a {@code /delay} request ended: the {@code outcome} tag of {@code stub.requests}. */
public enum Outcome {
    /** Answered with a status below 400. */
    OK,
    /** Answered with a status of 400 or more: injected, or bad input. */
    ERROR,
    /** Connection reset (RST) without an answer. */
    RESET,
    /** Connection closed cleanly without an answer. */
    CLOSE,
    /** Never answered until the hang bound or the client gave up. */
    HANG;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
