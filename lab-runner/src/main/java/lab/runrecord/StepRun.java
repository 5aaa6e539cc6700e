package lab.runrecord;

import java.util.List;

/**
 * One step of a scenario for one variant (a rung of the ladder, the open-model step, or a phase
 * of a time-series scenario), with one measurement per repeat and what they add up to.
 *
 * @param id stable within a scenario, shared across variants and runs ({@code u400}, {@code open3000})
 * @param repeats one measurement per repeat, in run order
 * @param spread the headline figures as median and min–max across repeats
 * @param prediction what the model says this step should reach
 * @param verdict whether the step can be trusted as a statement about the app, and why not
 * @param bottleneck the one measured cause that limited the step
 * @param timeline for time-series scenarios (phases, cold start): what happened when; null otherwise
 */
public record StepRun(
        String id,
        StepLoad load,
        List<Measurement> repeats,
        Spread spread,
        Prediction prediction,
        Verdict verdict,
        Bottleneck bottleneck,
        Timeline timeline) {

    public StepRun {
        repeats = List.copyOf(repeats);
    }

    /**
     * What a time-series step shows over time, measured and predicted. Times in seconds from the
     * start of the window (the series' {@code t}).
     *
     * @param phases when each phase of the scenario really started and ended
     * @param baselineP99Ms the per-second p99 before the first phase (slowdown)
     * @param peakInFlight the most requests inside the app at once
     * @param predictedPeakQueue slowdown: (rate - thread ceiling during the phase) x phase seconds;
     *     null where no thread pool limits the model
     * @param recoverySeconds after the last phase ended, until the per-second p99 is back within
     *     1.5x the baseline for 3 s in a row; null when it never was
     * @param predictedRecoverySeconds slowdown: backlog / (normal ceiling - rate)
     * @param steadyRps coldstart: the throughput the run settled at (median of its last third)
     * @param secondsTo90Percent coldstart: until the per-second throughput first reached 90 % of
     *     {@code steadyRps} and held it for 3 s
     */
    public record Timeline(
            List<PhaseMark> phases,
            Double baselineP99Ms,
            Double peakInFlight,
            Double predictedPeakQueue,
            Double recoverySeconds,
            Double predictedRecoverySeconds,
            Double steadyRps,
            Double secondsTo90Percent) {

        public Timeline {
            phases = phases == null ? List.of() : List.copyOf(phases);
        }

        public record PhaseMark(String name, double startT, double endT, int extraLatencyMs) {}
    }

    /**
     * @param model {@code closed} (users) or {@code open} (arrivals per second)
     * @param steadySeconds the measured window per repeat: the ramp (and settle time) excluded
     */
    public record StepLoad(String model, Integer users, Integer rate, int rampSeconds, int steadySeconds) {

        public boolean open() {
            return "open".equals(model);
        }
    }

    /**
     * The headline figures across repeats: median, min and max, plus the dispersion of the
     * per-second throughput within each repeat's window (the largest of the repeats).
     */
    public record Spread(Figure throughputRps, Figure p50Ms, Figure p99Ms, Figure cpuMsPerRequest) {}

    /**
     * @param perSecondCv coefficient of variation of the per-second values inside the windows (null
     *     for figures that have no per-second series)
     */
    public record Figure(double median, double min, double max, int n, Double perSecondCv) {

        /** Half the min–max range relative to the median: the ±x of "median ± x %". */
        public double relativeHalfRange() {
            return median == 0 ? 0 : (max - min) / 2 / Math.abs(median);
        }
    }

    /**
     * @param predictedRps the model's throughput for this step
     * @param basis which limit set the prediction: {@code users}, {@code threads}, {@code cpu},
     *     {@code offered}, {@code pool}, {@code event-loop}
     * @param measuredOverPredicted the median throughput divided by {@code predictedRps}
     */
    public record Prediction(
            double predictedRps,
            String basis,
            Double littlesLawRps,
            Double threadCeilingRps,
            Double cpuCeilingRps,
            Double poolCeilingRps,
            Double measuredOverPredicted,
            String note) {}

    /**
     * @param cold the variant was not warmed up to a stable state (no warm-up, or it never became stable)
     * @param limitsEnforced false when pod limits were asked for but only emulated
     */
    public record Verdict(boolean valid, List<String> reasons, boolean cold, boolean limitsEnforced) {

        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * The one named cause that limited the step, with its figure.
     *
     * @param cause one of {@link Bottleneck.Cause}
     * @param figure the measurement behind it, in words ({@code "200 of 200 threads busy"})
     * @param value that measurement as a number (share of the limit, 0..1, where it is one)
     */
    public record Bottleneck(Cause cause, String figure, Double value) {

        public enum Cause {
            /** the load asked for less than the app could do: users / latency */
            LOAD,
            THREAD_POOL,
            CPU,
            GC,
            HEAP,
            CLIENT_POOL,
            /** MVC's fan-out executor ({@code applicationTaskExecutor}) had every thread busy */
            FANOUT_EXECUTOR,
            EVENT_LOOP,
            MEMORY_LIMIT,
            LOAD_SIDE,
            STUB,
            /** nothing measured explains it: said as such, never guessed */
            UNEXPLAINED
        }
    }
}
