package lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.report.Chart.Axis;
import lab.report.Chart.Point;
import lab.report.Chart.Series;
import lab.runrecord.Environment;
import lab.runrecord.RunResults;
import lab.runrecord.StepRun;
import lab.runrecord.VariantRun;

/** Pod limits: how much each step was throttled by the CPU quota, and its memory against the limit. */
final class LimitsCharts {

    private LimitsCharts() {}

    static List<Chart> charts(RunResults run) {
        Optional<Environment.PodLimitsInfo> limits = Runs.limits(run);
        if (limits.isEmpty()) {
            return List.of();
        }
        Axis steps = new Axis("step", "ladder", LadderCharts.stepKeys(run));
        return List.of(throttling(run, steps, limits.get()), memory(run, steps, limits.get()));
    }

    private static Chart throttling(RunResults run, Axis steps, Environment.PodLimitsInfo limits) {
        List<Series> series = run.variants().stream()
                .map(variant -> Series.line(
                        variant.name(),
                        variant.name(),
                        "solid",
                        LadderCharts.points(StepTables.ordered(variant), step -> scaled(step))))
                .toList();
        Chart chart = Chart.of(
                "chart-throttling",
                ChartModel.LIMITS,
                "CPU throttling under the " + Fmt.millicores(limits.cpuMillis()) + " CPU limit",
                "Share of the cgroup's CFS periods in which the app was throttled (cpu.stat nr_throttled / "
                        + "nr_periods), per step: the quota, not the CPUs, was the limit. Median of the repeats, bars "
                        + "their min–max.",
                steps,
                Axis.of("throttled periods (%)", "value"),
                series);
        return chart.hasData() ? chart : chart.withEmpty("No cgroup CPU figures: the limits were not enforced.");
    }

    private static Stat scaled(StepRun step) {
        Stat share = Steps.across(step, Figures::throttledShare);
        return share == null ? null : share.scaled(Fmt.PERCENT);
    }

    private static Chart memory(RunResults run, Axis steps, Environment.PodLimitsInfo limits) {
        List<Series> series = new ArrayList<>();
        for (VariantRun variant : run.variants()) {
            series.add(Series.line(
                    variant.name(),
                    variant.name(),
                    "solid",
                    LadderCharts.points(
                            StepTables.ordered(variant), step -> Steps.across(step, Figures::memoryPeakMiB))));
        }
        double limitMiB = limits.memoryBytes() / Fmt.BYTES_PER_MIB;
        List<String> xs = steps.categories();
        if (!xs.isEmpty()) {
            series.add(Series.reference(
                    "limit " + Fmt.memoryLimit(limits.memoryBytes()),
                    null,
                    List.of(Point.of(xs.getFirst(), limitMiB), Point.of(xs.getLast(), limitMiB))));
        }
        for (VariantRun variant : run.variants()) {
            VariantRun.Failure failure = variant.failure();
            if (failure != null && "oom-killed".equals(failure.kind()) && failure.atStep() != null) {
                Optional<StepRun> at = Steps.byId(variant, failure.atStep());
                at.ifPresent(step -> series.add(Series.line(
                        variant.name() + " OOM-killed",
                        variant.name(),
                        "markers",
                        List.of(new Point(Steps.key(step), limitMiB, null, null, Runs.failure(run, variant))))));
            }
        }
        Chart chart = Chart.of(
                "chart-memory",
                ChartModel.LIMITS,
                "Memory against the " + Fmt.memoryLimit(limits.memoryBytes()) + " limit",
                "The cgroup's peak memory (memory.peak: heap, stacks, metaspace, buffers, page cache) per step, "
                        + "against the pod's limit. Above it the kernel OOM-kills the app.",
                steps,
                Axis.of("memory (MiB)", "value"),
                series);
        return chart.hasData() ? chart : chart.withEmpty("No cgroup memory figures: the limits were not enforced.");
    }
}
