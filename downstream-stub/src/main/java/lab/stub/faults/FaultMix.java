package lab.stub.faults;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The runtime fault mix applied to every {@code /delay} request on top of its own parameters.
 * Members left out of a PUT body count as 0.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record FaultMix(
        Long extraLatencyMs,
        Long jitterMs,
        Integer errorPercent,
        Integer resetPercent,
        Integer hangPercent,
        Integer closePercent) {

    public static final FaultMix NONE = new FaultMix(0L, 0L, 0, 0, 0, 0);

    public FaultMix {
        extraLatencyMs = extraLatencyMs == null ? 0L : extraLatencyMs;
        jitterMs = jitterMs == null ? 0L : jitterMs;
        errorPercent = errorPercent == null ? 0 : errorPercent;
        resetPercent = resetPercent == null ? 0 : resetPercent;
        hangPercent = hangPercent == null ? 0 : hangPercent;
        closePercent = closePercent == null ? 0 : closePercent;
    }

    /** Share of requests that get some fault, in percent. */
    public int faultPercent() {
        return errorPercent + resetPercent + closePercent + hangPercent;
    }
}
