package lab.runner.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code results.json} (pretty, stable key order) and {@code steps.csv} (one row per step). */
public final class ResultsFiles {

    public static final String RESULTS_JSON = "results.json";
    public static final String STEPS_CSV = "steps.csv";

    static final String CSV_HEADER = "variant,model,users,rate,throughputRps,meanMs,p50Ms,p95Ms,p99Ms,maxMs,ok,ko,"
            + "errors,predictedRps,appCpuCores,appCpuMsPerRequest,appRssMiB,appThreadsLive,loadGenCpuCores,"
            + "stubCpuCores,valid,invalidReason";

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultsFiles() {}

    public static JsonMapper json() {
        return JSON;
    }

    public static void write(Results results, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path json = outDir.resolve(RESULTS_JSON);
        Path tmp = outDir.resolve(RESULTS_JSON + ".tmp");
        JSON.writeValue(tmp.toFile(), results);
        // Atomic replace: a reader (or an interrupted run) never sees half a file.
        Files.move(
                tmp,
                json,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.write(outDir.resolve(STEPS_CSV), csv(results));
    }

    public static Results read(Path outDir) {
        return JSON.readValue(outDir.resolve(RESULTS_JSON).toFile(), Results.class);
    }

    static List<String> csv(Results results) {
        List<String> lines = new ArrayList<>();
        lines.add(CSV_HEADER);
        for (VariantResult v : results.variants()) {
            for (StepResult s : v.steps()) {
                lines.add(row(v.name(), s));
            }
            if (v.openModel() != null) {
                lines.add(row(v.name(), v.openModel()));
            }
        }
        return lines;
    }

    private static String row(String variant, StepResult s) {
        return String.join(
                ",",
                cell(variant),
                cell(s.model()),
                num(s.users()),
                num(s.rate()),
                num(s.throughputRps()),
                num(s.meanMs()),
                num(s.p50Ms()),
                num(s.p95Ms()),
                num(s.p99Ms()),
                num(s.maxMs()),
                num(s.ok()),
                num(s.ko()),
                cell(errors(s.errors())),
                num(s.predictedRps()),
                num(s.appCpuCores()),
                num(s.appCpuMsPerRequest()),
                num(s.appRssMiB()),
                num(s.appThreadsLive()),
                num(s.loadGenCpuCores()),
                num(s.stubCpuCores()),
                Boolean.toString(s.valid()),
                cell(s.invalidReason()));
    }

    private static String errors(Map<String, Long> errors) {
        return errors == null
                ? ""
                : errors.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; "));
    }

    private static String num(Number n) {
        if (n == null) {
            return "";
        }
        if (n instanceof Double d) {
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%.3f", d) : "";
        }
        return n.toString();
    }

    /** RFC 4180: quote when needed, double the quotes inside. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
