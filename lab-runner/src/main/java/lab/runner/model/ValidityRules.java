package lab.runner.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.runrecord.Measurement;

/**
 * Decides whether a measurement can be trusted as a statement about the app, and says why not. It
 * cannot when something other than the app limited it (the load side's CPUs, the stub), when the
 * app was still cold, when other processes took the app's CPUs, or when the lab itself caused errors.
 *
 * @param loadSideSaturation share of the load side's CPU budget Gatling + stub may use before the step is suspect
 * @param stubOverheadMinMs stub latency above the delay always tolerated
 * @param stubOverheadFraction stub latency above the delay tolerated as a fraction of the delay
 * @param appIdleCpuFraction below this fraction of its budget (and nothing in progress) the app counts as idle
 * @param foreignCpuFraction fraction of the app's CPU budget other processes may use before the step is suspect
 * @param openFellBehind an open-model step below this share of its offered rate needs a named cause
 */
public record ValidityRules(
        double loadSideSaturation,
        double stubOverheadMinMs,
        double stubOverheadFraction,
        double appIdleCpuFraction,
        double foreignCpuFraction,
        double openFellBehind) {

    /** Patterns of error messages that only the load generator's own machine can cause. */
    static final List<String> LAB_SIDE_ERRORS = List.of(
            "cannot assign requested address",
            "too many open files",
            "no buffer space",
            "address already in use",
            "pool exhausted",
            "connection pool",
            "pending acquire");

    public static final ValidityRules DEFAULTS = new ValidityRules(0.9, 20, 0.2, 0.1, 0.15, 0.9);

    /**
     * @param loadGenFailed the load generator failed or wrote no usable results for this window
     * @param cold the variant was not warmed up to a stable state (none, or it never became stable)
     * @param cpuBudgetCores the app's CPU budget
     * @param delayMs the downstream delay the stub was asked for
     * @param offeredRps open model: the rate offered; null for a closed model
     * @param unexplained the attribution found no measured limit
     */
    public record Evidence(
            Measurement m,
            boolean loadGenFailed,
            boolean cold,
            double cpuBudgetCores,
            int delayMs,
            Double offeredRps,
            boolean unexplained) {}

    /** Why the measurement cannot be trusted; empty when it can. */
    public List<String> reasons(Evidence e) {
        List<String> reasons = new ArrayList<>();
        Measurement.LoadSide load = e.m().loadSide();
        Measurement.App app = e.m().app();
        if (e.loadGenFailed()) {
            reasons.add("load generator failed (no usable Gatling results)");
        }
        if (e.cold()) {
            reasons.add("cold app: not warmed up to a stable state (no warm-up, or it never became stable)");
        }
        if (load.foreignCpuOnAppCores() > foreignCpuFraction * e.cpuBudgetCores()) {
            reasons.add(fmt(
                    "noisy machine: other processes used %.2f of the app's %.2f CPU",
                    load.foreignCpuOnAppCores(), e.cpuBudgetCores()));
        }
        double loadSide = load.gatlingCpuCores() + load.stubCpuCores();
        if (load.loadCpuBudget() > 0 && loadSide >= loadSideSaturation * load.loadCpuBudget()) {
            reasons.add(fmt(
                    "load side saturated: Gatling %.2f + stub %.2f of %.2f CPU",
                    load.gatlingCpuCores(), load.stubCpuCores(), load.loadCpuBudget()));
        }
        if (stubSlow(load.stubOverheadMs(), e.delayMs())) {
            reasons.add(
                    Double.isInfinite(load.stubOverheadMs())
                            ? "stub did not answer the lab's probe requests in time"
                            : fmt(
                                    "stub slow: %.0f ms above its %d ms delay (tolerated %.0f)",
                                    load.stubOverheadMs(), e.delayMs(), tolerated(e.delayMs())));
        }
        Map<String, Long> errors = e.m().client().errors();
        long labErrors = labSideErrors(errors);
        if (labErrors > 0) {
            reasons.add(labErrors + " errors caused by the load generator's machine, not the app");
        }
        boolean appIdle = app.cpuCores() < appIdleCpuFraction * e.cpuBudgetCores()
                && !(app.inFlightMax() != null && app.inFlightMax() >= 1);
        long connectErrors = errors.entrySet().stream()
                .filter(x -> x.getKey().toLowerCase(Locale.ROOT).contains("connect"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        if (connectErrors > 0 && appIdle) {
            reasons.add(connectErrors + " connect errors while the app was idle: the load generator could not connect");
        }
        if (e.offeredRps() != null
                && e.unexplained()
                && e.m().client().throughputRps() < openFellBehind * e.offeredRps()) {
            reasons.add(fmt(
                    "fell behind the offered %.0f/s (%.0f rps) with no measured limit in the app",
                    e.offeredRps(), e.m().client().throughputRps()));
        }
        return reasons;
    }

    /** Whether the stub's probe latency above its delay is more than tolerated (or it did not answer). */
    public boolean stubSlow(Double overheadMs, int delayMs) {
        return overheadMs != null && !overheadMs.isNaN() && overheadMs > tolerated(delayMs);
    }

    private double tolerated(int delayMs) {
        return Math.max(stubOverheadMinMs, stubOverheadFraction * delayMs);
    }

    static long labSideErrors(Map<String, Long> errors) {
        return errors.entrySet().stream()
                .filter(x -> LAB_SIDE_ERRORS.stream().anyMatch(x.getKey().toLowerCase(Locale.ROOT)::contains))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
