package lab.stub.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The stub's own meters. Counters are registered up front so the hot path only increments,
 * and so every outcome shows in Prometheus (as 0) before it first happens.
 */
@Component
public class StubMeters {

    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Timer lateness;

    StubMeters(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(
                    outcome,
                    Counter.builder("stub.requests")
                            .description("Requests to /delay by how they ended")
                            .tag("outcome", outcome.tag())
                            .register(registry));
        }
        Gauge.builder("stub.requests.in.flight", inFlight, AtomicInteger::get)
                .description("Requests to /delay not finished yet")
                .register(registry);
        lateness = Timer.builder("stub.delay.lateness")
                .description("How much later than asked /delay answers started: event-loop lag, near 0 "
                        + "unless the stub is short of CPU")
                .register(registry);
    }

    /** Records how late the answer starts compared with the delay the request asked for. */
    public void late(long nanos) {
        lateness.record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    public void started() {
        inFlight.incrementAndGet();
    }

    public void finished() {
        inFlight.decrementAndGet();
    }

    public void ended(Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    public int inFlight() {
        return inFlight.get();
    }
}
