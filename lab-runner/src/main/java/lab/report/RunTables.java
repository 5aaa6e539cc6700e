package lab.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lab.runrecord.Environment;
import lab.runrecord.Reproduction;
import lab.runrecord.RunResults;
import lab.runrecord.ScenarioSpec;

/** The key–value tables about the run itself: the scenario as run, the environment, how to reproduce it. */
final class RunTables {

    private static final List<String> KEY_VALUE = List.of("", "");

    private RunTables() {}

    static Table scenario(RunResults run) {
        Table.Builder table = new Table.Builder("scenario", "Scenario", "settings", KEY_VALUE);
        ScenarioSpec s = run.scenario();
        if (s == null) {
            return table.build();
        }
        row(table, "name", s.name());
        row(table, "title", s.title());
        row(table, "summary", s.summary());
        if (s.request() != null) {
            row(table, "request", "GET " + Subtitle.request(s.request()));
        }
        row(table, "variants", String.join(", ", s.variants()));
        row(table, "app arguments (every variant)", s.appArgs().isEmpty() ? "none" : String.join(" ", s.appArgs()));
        ScenarioSpec.Load load = s.load();
        if (load != null) {
            row(table, "load", load.kind());
            row(table, "users", load.users().stream().map(Fmt::count).collect(Collectors.joining(", ")));
            row(
                    table,
                    "step",
                    load.stepSeconds() + " s measured after a " + load.rampSeconds() + " s ramp and "
                            + load.settleSeconds() + " s to settle");
            row(
                    table,
                    "open-model step",
                    load.openRate() > 0
                            ? Fmt.count(load.openRate()) + " req/s for " + load.openSeconds() + " s"
                            : "none");
            row(table, "request timeout", Fmt.duration((double) load.requestTimeoutMs()));
        }
        for (ScenarioSpec.Phase phase : s.phases()) {
            row(
                    table,
                    "phase " + phase.name(),
                    "downstream +" + Fmt.count(phase.extraLatencyMs()) + " ms from " + phase.atSecond() + " s for "
                            + phase.seconds() + " s");
        }
        if (s.prediction() != null) {
            row(table, "model", s.prediction().model());
            row(table, "prediction", s.prediction().statement());
        }
        row(table, "reading", s.reading());
        row(table, "repeats", String.valueOf(s.repeats()));
        ScenarioSpec.Warmup w = s.warmup();
        if (w != null) {
            row(
                    table,
                    "warm-up rule",
                    "chunks of " + w.chunkSeconds() + " s at " + Fmt.count(w.users()) + " users"
                            + (w.query().isEmpty()
                                    ? ""
                                    : " (warm-up requests with "
                                            + w.query().entrySet().stream()
                                                    .sorted(Map.Entry.comparingByKey())
                                                    .map(e -> e.getKey() + "=" + e.getValue())
                                                    .collect(Collectors.joining(", "))
                                            + ")")
                            + " until the last " + w.stableChunks() + " are within " + Fmt.percent(w.tolerance())
                            + " of their median and first to last (throughput and CPU per request), at most "
                            + w.maxSeconds() + " s");
        }
        ScenarioSpec.Quick q = s.quick();
        if (q != null) {
            row(
                    table,
                    "--quick",
                    "users " + q.users().stream().map(Fmt::count).collect(Collectors.joining(", ")) + "; "
                            + q.stepSeconds() + " s steps; open-model step " + q.openSeconds() + " s; "
                            + q.repeats() + (q.repeats() == 1 ? " repeat" : " repeats") + "; warm-up at most "
                            + q.warmupMaxSeconds() + " s");
        }
        return table.build();
    }

    static Table environment(RunResults run) {
        Table.Builder table = new Table.Builder("environment-table", "Environment", "settings", KEY_VALUE);
        Environment e = run.environment();
        if (e == null) {
            return table.build();
        }
        Environment.Machine m = e.machine();
        if (m != null) {
            row(table, "OS", m.os() + ", kernel " + m.kernel());
            row(table, "CPU", Fmt.text(m.cpuModel()) + ", " + Fmt.count(m.cpus()) + " CPUs usable");
            row(table, "memory", Fmt.count(m.memTotalMiB()) + " MiB");
            row(table, "open-file limit", Fmt.count(m.nofileLimit()));
            row(table, "JDK", m.jdkHome());
        }
        Environment.CpuSplit split = e.split();
        if (split != null) {
            row(table, "CPU split", split.description());
            row(table, "app CPUs", cpus(split.appCpus()) + ", budget " + Fmt.cores(split.appCpuBudget()) + " cores");
            row(table, "load-side CPUs", cpus(split.loadCpus()));
            row(table, "pinned", Fmt.yesNo(split.pinned()));
            row(table, "CPU quota enforced", Fmt.yesNo(split.quotaEnforced()));
        }
        Environment.PodLimitsInfo limits = e.limits();
        if (limits != null) {
            row(table, "pod limits", Runs.limitsText(limits));
            row(table, "pod JAVA_TOOL_OPTIONS", limits.javaToolOptions());
            row(table, "pod limits note", limits.note());
        }
        Environment.JvmFlagsInfo jvm = e.jvm();
        if (jvm != null) {
            row(table, "app JVM flags", String.join(" ", jvm.app()));
            row(table, "stub JVM flags", String.join(" ", jvm.stub()));
            row(table, "Gatling JVM flags", String.join(" ", jvm.loadGenerator()));
        }
        row(table, "started", e.startedAt());
        row(table, "finished", e.finishedAt() == null ? "(still running or interrupted)" : e.finishedAt());
        return table.build();
    }

    static Table reproduction(RunResults run) {
        Table.Builder table = new Table.Builder("reproduction", "Reproduction", "settings", KEY_VALUE);
        Reproduction r = run.reproduce();
        if (r != null) {
            row(
                    table,
                    "git commit",
                    r.gitCommit() == null
                            ? "(not a git checkout)"
                            : r.gitCommit() + (Boolean.TRUE.equals(r.gitDirty()) ? " with uncommitted changes" : ""));
            row(table, "command", "./lab " + String.join(" ", r.commandLine()));
            Reproduction.Versions v = r.versions();
            if (v != null) {
                row(table, "JDK", v.jdk());
                row(table, "Spring Boot", v.springBoot());
                row(table, "Spring Framework", v.springFramework());
                row(table, "Reactor Netty", v.reactorNetty());
                row(table, "Tomcat", v.tomcat());
                row(table, "Gatling", v.gatling());
            }
        }
        row(table, "results schema", "version " + run.schemaVersion());
        return table.build();
    }

    private static String cpus(List<Integer> cpus) {
        return cpus.isEmpty() ? "none" : cpus.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static void row(Table.Builder table, String key, String value) {
        table.row(List.of(key, value == null || value.isBlank() ? Fmt.NONE : value));
    }
}
