package lab.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Table rows, formatted once for both report.html and summary.md. */
final class StepRows {

    static final String VALID = "yes";
    static final String INVALID = "NO";
    private static final int CPU_DECIMALS = 3;

    private StepRows() {}

    /** One table per variant: {@code name} and its {@code rows}. */
    static List<Map<String, Object>> ladder(Results results) {
        return results.variants().stream()
                .map(variant -> Map.<String, Object>of(
                        "name",
                        variant.name(),
                        "rows",
                        variant.steps().stream().map(StepRows::step).toList()))
                .toList();
    }

    static Map<String, Object> step(Step step) {
        Map<String, Object> row = validity(step.isValid(), step.invalidReason());
        row.put("users", Fmt.count(step.users()));
        row.put("rps", Fmt.decimal(step.throughputRps(), 0));
        row.put("mean", Fmt.duration(step.meanMs()));
        row.put("p50", Fmt.duration(step.p50Ms()));
        row.put("p95", Fmt.duration(step.p95Ms()));
        row.put("p99", Fmt.duration(step.p99Ms()));
        row.put("max", Fmt.duration(step.maxMs()));
        row.put("serverMean", Fmt.duration(step.serverMeanMs()));
        row.put("errors", Fmt.count(step.errorCount()));
        row.put("cpu", Fmt.cores(step.appCpuCores()));
        row.put("cpuPerRequest", Fmt.decimal(step.cpuMsPerRequest(), CPU_DECIMALS));
        row.put("rss", Fmt.decimal(step.appRssMiB(), 0));
        row.put("threads", Fmt.count(step.appThreadsLive()));
        row.put("loadGen", Fmt.cores(step.loadGenCpuCores()));
        return row;
    }

    static List<Map<String, Object>> open(Results results) {
        return results.variants().stream()
                .filter(variant -> variant.openModel() != null)
                .map(variant -> {
                    OpenModel open = variant.openModel();
                    Map<String, Object> row = validity(open.isValid(), open.invalidReason());
                    row.put("name", variant.name());
                    row.put("rate", Fmt.decimal(open.rate(), 0));
                    row.put("rps", Fmt.decimal(open.throughputRps(), 0));
                    row.put("p50", Fmt.duration(open.p50Ms()));
                    row.put("p99", Fmt.duration(open.p99Ms()));
                    row.put("max", Fmt.duration(open.maxMs()));
                    row.put("errors", Fmt.count(open.errorCount()));
                    return row;
                })
                .toList();
    }

    static List<Map<String, Object>> c10k(C10k c10k) {
        return c10k.runs().stream()
                .map(run -> {
                    Map<String, Object> row = validity(run.isValid(), run.invalidReason());
                    row.put("name", run.name());
                    row.put("inFlight", Fmt.count(run.inFlight()));
                    row.put("ok", Fmt.count(run.ok()));
                    row.put("errors", Fmt.count(run.errorCount()));
                    row.put("p99", Fmt.duration(run.p99Ms()));
                    row.put("threads", Fmt.count(run.threadsLive()));
                    row.put("rss", Fmt.decimal(run.rssMiB(), 0));
                    row.put("reserved", Fmt.decimal(run.threadStackReservedMiB(), 0));
                    row.put("committed", Fmt.decimal(run.threadStackCommittedMiB(), 0));
                    row.put("switches", Fmt.decimal(run.contextSwitchesPerRequest(), 1));
                    return row;
                })
                .toList();
    }

    private static Map<String, Object> validity(boolean valid, String reason) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("valid", valid);
        row.put("validText", valid ? VALID : INVALID);
        row.put("rowClass", valid ? "" : "invalid");
        row.put("reason", valid || reason == null ? "" : reason);
        return row;
    }
}
