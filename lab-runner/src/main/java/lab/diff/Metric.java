package lab.diff;

import lab.runrecord.StepRun;

/** The three figures a diff compares per step, and which way is better for each. */
enum Metric {
    THROUGHPUT("throughput", "rps", true, 0),
    P99("p99", "ms", false, 0),
    CPU_PER_REQUEST("CPU per request", "ms", false, 3);

    final String label;
    final String unit;
    final boolean higherIsBetter;
    /** Decimals shown: CPU per request is a fraction of a millisecond (0.19 ms on WebFlux). */
    final int decimals;

    Metric(String label, String unit, boolean higherIsBetter, int decimals) {
        this.label = label;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.decimals = decimals;
    }

    /** The figure of this metric in a step's spread; null when the step has none. */
    StepRun.Figure of(StepRun step) {
        StepRun.Spread spread = step.spread();
        if (spread == null) {
            return null;
        }
        return switch (this) {
            case THROUGHPUT -> spread.throughputRps();
            case P99 -> spread.p99Ms();
            case CPU_PER_REQUEST -> spread.cpuMsPerRequest();
        };
    }

    /** A short key for the page's script and for anchors. */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
