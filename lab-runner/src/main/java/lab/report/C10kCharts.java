package lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import lab.report.Chart.Axis;
import lab.report.Chart.Point;
import lab.report.Chart.Series;
import lab.runrecord.RunResults;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;

/** The c10k scenario: every variant holding the same thousands of slow requests at once, and what each pays. */
final class C10kCharts {

    /** The seed's claim: one platform thread per request in flight, 1 MiB of stack each. */
    static final double SEED_STACK_MIB_PER_THREAD = 1.0;

    private C10kCharts() {}

    /** The step each variant held its requests in (a c10k run has one closed step per variant). */
    static StepRun step(VariantRun variant) {
        List<StepRun> closed = Steps.closed(variant);
        return closed.isEmpty() ? null : closed.getLast();
    }

    /** Requests in flight: the most users any variant's step held. */
    static int inFlight(RunResults run) {
        return run.variants().stream()
                .map(C10kCharts::step)
                .filter(step -> step != null)
                .mapToInt(step -> step.load().users())
                .max()
                .orElse(0);
    }

    static List<Chart> charts(RunResults run) {
        List<String> names = Runs.names(run);
        Axis variants = Axis.categories("variant", names);
        String inFlight = Fmt.count(inFlight(run)) + " requests in flight";
        double seed = inFlight(run) * SEED_STACK_MIB_PER_THREAD;
        List<Series> memory = new ArrayList<>();
        memory.add(bars("RSS (MiB)", run, step -> Steps.across(step, Figures::rssMiB)));
        boolean nmt = run.variants().stream()
                .map(C10kCharts::step)
                .anyMatch(step -> step != null && Steps.across(step, Figures::stacksReservedMiB) != null);
        if (nmt) {
            memory.add(Series.line(
                    "thread stacks reserved (MiB)",
                    null,
                    "markers",
                    points(run, step -> Steps.across(step, Figures::stacksReservedMiB))));
            memory.add(Series.line(
                    "thread stacks committed (MiB)",
                    null,
                    "markers",
                    points(run, step -> Steps.across(step, Figures::stacksCommittedMiB))));
        } else {
            // Without Native Memory Tracking: the seed's arithmetic on the measured thread count.
            memory.add(Series.line("OS threads × 1 MiB of stack (address space)", null, "markers", points(run, step -> {
                Stat threads = Steps.across(step, Figures::osThreads);
                return threads == null ? null : threads.scaled(SEED_STACK_MIB_PER_THREAD);
            })));
        }
        memory.add(Series.reference(
                "seed estimate: " + inFlight + " × 1 MB",
                null,
                names.stream().map(name -> Point.of(name, seed)).toList()));
        return List.of(
                Chart.of(
                        "chart-c10k-memory",
                        ChartModel.C10K,
                        "c10k memory: " + inFlight,
                        "Resident memory of each app (bars), its thread stacks as Native Memory Tracking counts "
                                + "them (reserved: address space; committed: pages touched), and the seed's estimate "
                                + "(a 1 MB stack per thread per request). Linux commits stack pages only when touched, "
                                + "so RSS, what a memory limit sees, stays far below threads × 1 MiB.",
                        variants,
                        Axis.of("MiB", "log"),
                        memory),
                Chart.of(
                        "chart-c10k-threads",
                        ChartModel.C10K,
                        "c10k OS threads",
                        "Threads of the app process (/proc/<pid>/status) while holding " + inFlight + ".",
                        variants,
                        Axis.of("OS threads", "log"),
                        List.of(bars("OS threads", run, step -> Steps.across(step, Figures::osThreads)))),
                Chart.of(
                        "chart-c10k-latency",
                        ChartModel.C10K,
                        "c10k p99",
                        "Client-side p99 while holding " + inFlight + ".",
                        variants,
                        Axis.of("p99 (ms)", "value"),
                        List.of(bars("p99 (ms)", run, Steps::p99))),
                Chart.of(
                        "chart-c10k-errors",
                        ChartModel.C10K,
                        "c10k errors",
                        "Failed requests per repeat (timeouts, refused connections).",
                        variants,
                        Axis.of("errors", "value"),
                        List.of(bars("errors", run, step -> Steps.across(step, Figures::ko)))),
                Chart.of(
                        "chart-c10k-switches",
                        ChartModel.C10K,
                        "c10k context switches per request",
                        "Voluntary + involuntary context switches of the app process per completed request: where "
                                + "thousands of threads cost something real.",
                        variants,
                        Axis.of("switches per request", "value"),
                        List.of(bars(
                                "context switches per request",
                                run,
                                step -> Steps.across(step, Figures::contextSwitchesPerRequest)))));
    }

    private static Series bars(String name, RunResults run, Function<StepRun, Stat> metric) {
        return Series.bar(name, null, points(run, metric));
    }

    private static List<Point> points(RunResults run, Function<StepRun, Stat> metric) {
        List<Point> points = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            StepRun step = step(variant);
            points.add(
                    step == null
                            ? Point.of(variant.name(), null)
                            : Point.of(variant.name(), metric.apply(step), Steps.reason(step)));
        }
        return points;
    }
}
