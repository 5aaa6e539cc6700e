package lab.runner.output;

import java.util.List;

/** Where the run happened: what a reader needs to judge or repeat it. */
public record Environment(
        String jdk,
        String jdkVendor,
        String javaHome,
        String os,
        String kernel,
        String cpuModel,
        int cpus,
        List<Integer> appCpus,
        List<Integer> loadCpus,
        boolean pinned,
        String pinning,
        long nofileLimit,
        long memTotalMiB,
        List<String> appJvmFlags,
        List<String> stubJvmFlags,
        List<String> gatlingJvmFlags,
        String startedAt,
        String finishedAt) {}
