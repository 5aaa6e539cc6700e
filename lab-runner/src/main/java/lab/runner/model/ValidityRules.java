package lab.runner.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a step's numbers can be trusted as a statement about the app, and says why not.
 * A step is invalid when something other than the app limited it: the load side's CPUs (Gatling
 * and the stub share them), the stub, a cold JVM, or errors the lab itself caused.
 *
 * @param loadSideSaturation  fraction of the load CPUs that Gatling + stub may use before the step is suspect
 * @param stubShareSaturation fraction of what Gatling leaves of the load CPUs that the stub may use
 * @param stubOverheadMinMs   stub latency above the delay always tolerated
 * @param stubOverheadFraction stub latency above the delay tolerated as a fraction of the delay
 * @param appIdleCpuFraction  below this fraction of its CPUs (and nothing in progress) the app counts as idle
 * @param foreignCpuFraction  fraction of the app's CPUs that other processes may use before the step is suspect
 */
public record ValidityRules(
        double loadSideSaturation,
        double stubShareSaturation,
        double stubOverheadMinMs,
        double stubOverheadFraction,
        double appIdleCpuFraction,
        double foreignCpuFraction) {

    /** Patterns of error messages that only the load generator's own machine can cause. */
    static final List<String> LAB_SIDE_ERRORS = List.of(
            "cannot assign requested address",
            "too many open files",
            "no buffer space",
            "address already in use",
            "pool exhausted",
            "connection pool",
            "pending acquire");

    public static final ValidityRules DEFAULTS = new ValidityRules(0.9, 0.8, 20, 0.2, 0.1, 0.15);

    public Verdict judge(StepEvidence e) {
        List<String> reasons = new ArrayList<>();
        if (e.loadGenFailed()) {
            reasons.add("load generator failed (no usable Gatling results)");
        }
        if (e.firstStep() && !e.warmedUp()) {
            reasons.add("cold app: first step after start without warm-up");
        }
        if (e.foreignCpuOnAppCores() > foreignCpuFraction * e.appCpus()) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "noisy machine: other processes used %.2f of the app's %d CPU",
                    e.foreignCpuOnAppCores(),
                    e.appCpus()));
        }
        double loadSide = e.loadGenCpuCores() + e.stubCpuCores();
        if (loadSide >= loadSideSaturation * e.loadCpus()) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "load side saturated: Gatling %.2f + stub %.2f of %d CPU",
                    e.loadGenCpuCores(),
                    e.stubCpuCores(),
                    e.loadCpus()));
        }
        double stubShare = Math.max(0, e.loadCpus() - e.loadGenCpuCores());
        if (e.stubCpuCores() > 0 && e.stubCpuCores() >= stubShareSaturation * stubShare) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "stub saturated: %.2f CPU of the %.2f Gatling leaves it",
                    e.stubCpuCores(),
                    stubShare));
        }
        double tolerated = Math.max(stubOverheadMinMs, stubOverheadFraction * e.delayMs());
        if (Double.isInfinite(e.stubOverheadMs())) {
            reasons.add("stub did not answer the lab's probe requests in time");
        } else if (!Double.isNaN(e.stubOverheadMs()) && e.stubOverheadMs() > tolerated) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "stub slow: %.0f ms above its %d ms delay (tolerated %.0f)",
                    e.stubOverheadMs(),
                    e.delayMs(),
                    tolerated));
        }
        long labErrors = labSideErrors(e.errors());
        if (labErrors > 0) {
            reasons.add(labErrors + " errors caused by the load generator's machine, not the app");
        }
        boolean appIdle = e.appCpuCores() < appIdleCpuFraction * e.appCpus() && !(e.appInProgressMax() >= 1);
        long connectErrors = e.errors().entrySet().stream()
                .filter(x -> x.getKey().toLowerCase(Locale.ROOT).contains("connect"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        if (connectErrors > 0 && appIdle) {
            reasons.add(connectErrors + " connect errors while the app was idle: the load generator could not connect");
        }
        return reasons.isEmpty() ? Verdict.VALID : new Verdict(false, String.join("; ", reasons));
    }

    static long labSideErrors(Map<String, Long> errors) {
        return errors.entrySet().stream()
                .filter(x -> LAB_SIDE_ERRORS.stream().anyMatch(x.getKey().toLowerCase(Locale.ROOT)::contains))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
