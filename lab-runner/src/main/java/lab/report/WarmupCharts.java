package lab.report;

import java.util.ArrayList;
import java.util.List;
import lab.report.Chart.Axis;
import lab.report.Chart.Point;
import lab.report.Chart.Series;
import lab.runrecord.RunResults;
import lab.runrecord.VariantRun;

/** How each variant warmed up: throughput, p99 and CPU per request of each warm-up chunk. */
final class WarmupCharts {

    private WarmupCharts() {}

    static List<Chart> charts(RunResults run) {
        List<VariantRun> warmed = run.variants().stream()
                .filter(v -> v.warmup() != null && !v.warmup().chunks().isEmpty())
                .toList();
        if (warmed.isEmpty()) {
            return List.of();
        }
        List<Series> throughput = new ArrayList<>();
        List<Series> cpu = new ArrayList<>();
        for (VariantRun variant : warmed) {
            List<VariantRun.WarmupResult.Chunk> chunks = variant.warmup().chunks();
            throughput.add(Series.line(
                    variant.name() + " throughput",
                    variant.name(),
                    "solid",
                    chunks.stream().map(c -> Point.of(c.t(), c.throughputRps())).toList()));
            throughput.add(Series.line(
                            variant.name() + " p99",
                            variant.name(),
                            "dotted",
                            chunks.stream().map(c -> Point.of(c.t(), c.p99Ms())).toList())
                    .onSecondAxis());
            cpu.add(Series.line(
                    variant.name(),
                    variant.name(),
                    "solid",
                    chunks.stream()
                            .filter(c -> c.cpuMsPerRequest() != null)
                            .map(c -> Point.of(c.t(), c.cpuMsPerRequest()))
                            .toList()));
            cpu.add(Series.line(
                    variant.name() + " Gatling",
                    variant.name(),
                    "dashed",
                    chunks.stream()
                            .filter(c -> c.loadGenCpuMsPerRequest() != null)
                            .map(c -> Point.of(c.t(), c.loadGenCpuMsPerRequest()))
                            .toList()));
        }
        return List.of(
                Chart.of(
                                "chart-warmup",
                                ChartModel.WARMUP,
                                "Warm-up: throughput and p99 of each chunk",
                                "Before the first measured step each variant runs chunks of load until its throughput and "
                                        + "CPU per request, and the load generator's, are stable. A freshly started pod gets traffic as soon as it is "
                                        + "ready: this is what that traffic sees.",
                                Axis.of("seconds of load", "time"),
                                Axis.of("throughput (rps)", "value"),
                                throughput)
                        .withY2(Axis.of("p99 (ms)", "log")),
                Chart.of(
                        "chart-warmup-cpu",
                        ChartModel.WARMUP,
                        "Warm-up: CPU per request of each chunk",
                        "The JIT compiles the hot paths during the first seconds: CPU per request falls until it is "
                                + "stable.",
                        Axis.of("seconds of load", "time"),
                        Axis.of("CPU ms per request", "value"),
                        cpu));
    }
}
