package lab.app.core.meters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests in progress inside the app and refuses new ones above the limit, so that under
 * overload the answer is a fast 503 rather than an ever longer queue. The count is also the gauge
 * {@code lab.requests.in.progress}, with the same meaning in both apps.
 */
public final class OverloadGuard {

    private final AtomicInteger inProgress = new AtomicInteger();
    private final int maxInProgress;
    private final Counter shed;

    public OverloadGuard(int maxInProgress, String app, MeterRegistry registry) {
        this.maxInProgress = maxInProgress;
        Gauge.builder(LabMeters.IN_PROGRESS, inProgress, AtomicInteger::get)
                .description("Requests inside the app's handlers right now")
                .tag(LabMeters.APP_TAG, app)
                .register(registry);
        this.shed = Counter.builder(LabMeters.SHED)
                .description("Requests answered 503 by the overload limit")
                .register(registry);
    }

    /** @return true when the request may proceed; the caller must then call {@link #exit()} exactly once */
    public boolean tryEnter() {
        if (inProgress.incrementAndGet() > maxInProgress) {
            inProgress.decrementAndGet();
            shed.increment();
            return false;
        }
        return true;
    }

    public void exit() {
        inProgress.decrementAndGet();
    }

    public int inProgress() {
        return inProgress.get();
    }
}
