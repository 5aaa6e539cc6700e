package lab.app.core.request;

import java.util.function.ToIntFunction;
import lab.app.core.settings.LabProperties.Limits;

/** A query parameter of the API: its contract default and bounds (the upper bound comes from the settings). */
public enum Parameter {
    DELAY_MS("delayMs", 100, 0, Limits::maxDelayMs),
    BYTES("bytes", 128, 0, Limits::maxBytes),
    CALLS("calls", 4, 1, Limits::maxCalls),
    ROUNDS("rounds", 1000, 1, Limits::maxRounds);

    private final String queryName;
    private final int defaultValue;
    private final int min;
    private final ToIntFunction<Limits> max;

    Parameter(String queryName, int defaultValue, int min, ToIntFunction<Limits> max) {
        this.queryName = queryName;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
    }

    public String queryName() {
        return queryName;
    }

    public int defaultValue() {
        return defaultValue;
    }

    public int min() {
        return min;
    }

    public int max(Limits limits) {
        return max.applyAsInt(limits);
    }
}
