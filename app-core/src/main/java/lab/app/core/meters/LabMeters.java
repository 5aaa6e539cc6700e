package lab.app.core.meters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import lab.app.core.downstream.DownstreamOutcome;

/** The lab's own meters, same names and tags in both apps (docs/contract.md). */
public final class LabMeters {

    public static final String IN_PROGRESS = "lab.requests.in.progress";
    public static final String SHED = "lab.requests.shed";
    public static final String DOWNSTREAM_CALLS = "lab.downstream.calls";
    public static final String APP_TAG = "app";
    public static final String OUTCOME_TAG = "outcome";

    private final Map<DownstreamOutcome, Counter> downstreamCalls = new EnumMap<>(DownstreamOutcome.class);

    public LabMeters(MeterRegistry registry) {
        for (DownstreamOutcome outcome : DownstreamOutcome.values()) {
            downstreamCalls.put(
                    outcome,
                    Counter.builder(DOWNSTREAM_CALLS)
                            .description("Downstream calls by outcome")
                            .tag(OUTCOME_TAG, outcome.tag())
                            .register(registry));
        }
    }

    public void downstreamCall(DownstreamOutcome outcome) {
        downstreamCalls.get(outcome).increment();
    }
}
