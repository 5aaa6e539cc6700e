package lab.runner.output;

import java.util.List;

/** The experiment's settings as run (after defaults and {@code --quick}). */
public record RunSettings(
        String scenario,
        boolean quick,
        List<String> variants,
        List<Integer> users,
        int delayMs,
        int stepSeconds,
        int rampSeconds,
        int warmupSeconds,
        int warmupUsers,
        int openModelRate,
        int openModelSeconds,
        int heapMiB,
        String gc,
        int appCpus,
        int requestTimeoutMs,
        String limits,
        String endpoint) {}
