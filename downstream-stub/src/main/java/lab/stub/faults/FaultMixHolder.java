package lab.stub.faults;

import java.util.concurrent.atomic.AtomicReference;
import lab.stub.StubProperties;
import lab.stub.problem.InvalidParameterException;
import org.springframework.stereotype.Component;

/** The current runtime fault mix: read by every request, replaced whole by the admin endpoint. */
@Component
public class FaultMixHolder {

    private static final int ALL = 100;

    private final AtomicReference<FaultMix> current = new AtomicReference<>(FaultMix.NONE);
    private final long maxDelayMs;

    FaultMixHolder(StubProperties properties) {
        this.maxDelayMs = properties.limits().maxDelayMs();
    }

    public FaultMix current() {
        return current.get();
    }

    FaultMix replace(FaultMix mix) {
        check("extraLatencyMs", mix.extraLatencyMs(), maxDelayMs);
        check("jitterMs", mix.jitterMs(), maxDelayMs);
        check("errorPercent", mix.errorPercent(), ALL);
        check("resetPercent", mix.resetPercent(), ALL);
        check("hangPercent", mix.hangPercent(), ALL);
        check("closePercent", mix.closePercent(), ALL);
        if (mix.faultPercent() > ALL) {
            throw new InvalidParameterException(
                    null, "errorPercent + resetPercent + closePercent + hangPercent must be at most " + ALL);
        }
        current.set(mix);
        return mix;
    }

    FaultMix reset() {
        current.set(FaultMix.NONE);
        return FaultMix.NONE;
    }

    private static void check(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new InvalidParameterException(name, name + " must be an integer between 0 and " + max);
        }
    }
}
