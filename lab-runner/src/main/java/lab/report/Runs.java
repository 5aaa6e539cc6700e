package lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.runrecord.Environment;
import lab.runrecord.RunResults;
import lab.runrecord.ScenarioSpec;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;

/** Views over a whole run: its kind of scenario, its delay, its pod limits, why a variant stopped. */
final class Runs {

    static final String LADDER = "ladder";
    static final String OPEN = "open";
    static final String COLDSTART = "coldstart";
    static final String C10K = "c10k";
    /** The model when the scenario names none: users / latency, capped by threads and CPU. */
    static final String LITTLES_LAW = "littles-law";

    private Runs() {}

    static String kind(RunResults run) {
        ScenarioSpec scenario = run.scenario();
        return scenario == null || scenario.load() == null || scenario.load().kind() == null
                ? LADDER
                : scenario.load().kind();
    }

    static String model(RunResults run) {
        ScenarioSpec scenario = run.scenario();
        return scenario == null
                        || scenario.prediction() == null
                        || scenario.prediction().model() == null
                ? LITTLES_LAW
                : scenario.prediction().model();
    }

    static List<ScenarioSpec.Phase> phases(RunResults run) {
        return run.scenario() == null ? List.of() : run.scenario().phases();
    }

    /** Scenarios read along a time axis: phases of an open-model run, or a cold start. */
    static boolean timeSeries(RunResults run) {
        return COLDSTART.equals(kind(run))
                || (OPEN.equals(kind(run)) && !phases(run).isEmpty());
    }

    static boolean c10k(RunResults run) {
        return C10K.equals(kind(run));
    }

    /** A ladder worth charting against users: some variant has two closed steps or more. */
    static boolean ladder(RunResults run) {
        return !c10k(run)
                && !COLDSTART.equals(kind(run))
                && run.variants().stream().anyMatch(v -> Steps.closed(v).size() >= 2);
    }

    /** The downstream delay in seconds, when the endpoint has one. */
    static Optional<Double> delaySeconds(RunResults run) {
        if (run.scenario() == null || run.scenario().request() == null) {
            return Optional.empty();
        }
        int delay = run.scenario().request().delayMs();
        return delay > 0 ? Optional.of(delay / Fmt.MILLIS_PER_SECOND) : Optional.empty();
    }

    static Optional<Environment.PodLimitsInfo> limits(RunResults run) {
        return Optional.ofNullable(run.environment()).map(Environment::limits);
    }

    /** "tight: 500m CPU, 448Mi memory (cgroup-v2)", saying so when nothing was enforced. */
    static String limitsText(Environment.PodLimitsInfo limits) {
        String text = limits.source() + ": " + Fmt.millicores(limits.cpuMillis()) + " CPU, "
                + Fmt.memoryLimit(limits.memoryBytes()) + " memory (" + limits.mechanism() + ")";
        return limits.enforced() ? text : text + ", NOT enforced";
    }

    /** The app's CPU budget in cores (its quota, else its CPU count), when the run says. */
    static Optional<Double> appCpuBudget(RunResults run) {
        return Optional.ofNullable(run.environment())
                .map(Environment::split)
                .map(Environment.CpuSplit::appCpuBudget)
                .filter(budget -> budget > 0);
    }

    /** Why a variant stopped early, in words ("OOM-killed by the 448Mi limit at 1,600 users"), or null. */
    static String failure(RunResults run, VariantRun variant) {
        VariantRun.Failure failure = variant.failure();
        if (failure == null) {
            return null;
        }
        Optional<StepRun> step = failure.atStep() == null ? Optional.empty() : Steps.byId(variant, failure.atStep());
        String at = step.map(s -> " " + Steps.at(s))
                .orElse(failure.atStep() == null ? "" : " during step " + failure.atStep());
        String kind = failure.kind() == null ? "error" : failure.kind();
        String opening = switch (kind) {
            case "oom-killed" -> "OOM-killed";
            case "out-of-memory" -> "died of OutOfMemoryError";
            case "no-native-thread" -> "could not create another thread";
            case "start-failed" -> "did not start";
            case "exited" -> "exited";
            default -> "could not be measured to the end";
        };
        // the engine writes the whole sentence (where, and what the app held); a bare detail is framed
        if (failure.message() != null && failure.message().startsWith(opening)) {
            return failure.message();
        }
        String message = failure.message() == null || failure.message().isBlank() ? "" : " (" + failure.message() + ")";
        return switch (kind) {
            case "oom-killed" -> "OOM-killed by the " + memoryLimit(run, step) + " limit" + at + message;
            case "start-failed" -> opening + message;
            default -> opening + at + message;
        };
    }

    private static String memoryLimit(RunResults run, Optional<StepRun> step) {
        Optional<String> fromLimits = limits(run).map(limits -> Fmt.memoryLimit(limits.memoryBytes()));
        if (fromLimits.isPresent()) {
            return fromLimits.get();
        }
        return step.map(s -> Steps.median(s, Figures::memoryLimitMiB))
                .map(mib -> Fmt.count(mib) + " MiB")
                .orElse("memory");
    }

    /** Every variant's name, in run order. */
    static List<String> names(RunResults run) {
        List<String> names = new ArrayList<>();
        run.variants().forEach(v -> names.add(v.name()));
        return names;
    }
}
