package lab.dashboard.stub;

/**
 * The stub's runtime fault mix, as its {@code /admin/faults} reads and writes it
 * (docs/stub.md): added latency and jitter for every {@code /delay} call, and the shares of
 * calls that fail.
 */
public record FaultMix(
        int extraLatencyMs, int jitterMs, int errorPercent, int resetPercent, int hangPercent, int closePercent) {

    public static final FaultMix NONE = new FaultMix(0, 0, 0, 0, 0, 0);
}
