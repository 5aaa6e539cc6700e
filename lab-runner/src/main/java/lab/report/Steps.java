package lab.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import lab.runrecord.Measurement;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;

/** Small views over the steps of a variant: which ones, their labels, their figures across repeats. */
final class Steps {

    private Steps() {}

    /** The closed-model steps (the ladder), by users. */
    static List<StepRun> closed(VariantRun variant) {
        return variant.steps().stream()
                .filter(step -> !step.load().open() && step.load().users() != null)
                .sorted(Comparator.comparing(step -> step.load().users()))
                .toList();
    }

    /** The open-model steps, in run order. */
    static List<StepRun> open(VariantRun variant) {
        return variant.steps().stream().filter(step -> step.load().open()).toList();
    }

    static Optional<StepRun> byId(VariantRun variant, String id) {
        return variant.steps().stream().filter(step -> step.id().equals(id)).findFirst();
    }

    /** "400 users" or "open model at 3,000 req/s". */
    static String label(StepRun step) {
        StepRun.StepLoad load = step.load();
        if (load.open()) {
            return "open model at " + Fmt.count(load.rate()) + " req/s";
        }
        return Fmt.count(load.users()) + " users";
    }

    /** "at 400 users" or "in the open model at 3,000 req/s", for sentences. */
    static String at(StepRun step) {
        return at(label(step));
    }

    static String at(String label) {
        return label.startsWith("open model") ? "in the " + label : "at " + label;
    }

    /** The x of a ladder chart: the users, or the step's id when it has none. */
    static String key(StepRun step) {
        return step.load().users() != null && !step.load().open()
                ? String.valueOf(step.load().users())
                : step.id();
    }

    static boolean valid(StepRun step) {
        return step.verdict() == null || step.verdict().valid();
    }

    static boolean cold(StepRun step) {
        return step.verdict() != null && step.verdict().cold();
    }

    /** Why the step cannot be trusted, or null. */
    static String reason(StepRun step) {
        if (valid(step)) {
            return null;
        }
        List<String> reasons = step.verdict().reasons();
        return reasons.isEmpty() ? "not trustworthy (no reason given)" : String.join("; ", reasons);
    }

    static Stat throughput(StepRun step) {
        return figure(step, StepRun.Spread::throughputRps, Figures::throughput);
    }

    static Stat p50(StepRun step) {
        return figure(step, StepRun.Spread::p50Ms, Figures::p50);
    }

    static Stat p99(StepRun step) {
        return figure(step, StepRun.Spread::p99Ms, Figures::p99);
    }

    static Stat cpuMsPerRequest(StepRun step) {
        return figure(step, StepRun.Spread::cpuMsPerRequest, Figures::appCpuMsPerRequest);
    }

    /** The runner's spread when it wrote one, else computed from the repeats. */
    private static Stat figure(
            StepRun step,
            Function<StepRun.Spread, StepRun.Figure> fromSpread,
            Function<Measurement, ? extends Number> fromRepeat) {
        if (step.spread() != null && fromSpread.apply(step.spread()) != null) {
            return Stat.of(fromSpread.apply(step.spread()));
        }
        return across(step, fromRepeat);
    }

    /** Median and min–max of a figure over the step's repeats; null when no repeat has it. */
    static Stat across(StepRun step, Function<Measurement, ? extends Number> metric) {
        return Stat.of(step.repeats().stream().<Number>map(metric::apply).toList());
    }

    static Double median(StepRun step, Function<Measurement, ? extends Number> metric) {
        Stat stat = across(step, metric);
        return stat == null ? null : stat.median();
    }

    /** Failed requests over all repeats. */
    static long errors(StepRun step) {
        return step.repeats().stream()
                .mapToLong(m -> m.client() == null ? 0 : m.client().ko())
                .sum();
    }

    /** Failed requests by class over all repeats, in a stable order. */
    static Map<String, Long> errorClasses(StepRun step) {
        Map<String, Long> classes = new TreeMap<>();
        step.repeats().forEach(m -> {
            if (m.client() != null) {
                m.client().errors().forEach((name, count) -> classes.merge(name, count, Long::sum));
            }
        });
        return classes;
    }

    /** Measured over predicted: the runner's ratio, else the median over the prediction. */
    static Double measuredOverPredicted(StepRun step) {
        StepRun.Prediction prediction = step.prediction();
        if (prediction == null) {
            return null;
        }
        if (prediction.measuredOverPredicted() != null) {
            return prediction.measuredOverPredicted();
        }
        Stat throughput = throughput(step);
        return throughput == null || prediction.predictedRps() <= 0
                ? null
                : throughput.median() / prediction.predictedRps();
    }
}
