package lab.runrecord;

import java.util.List;

/**
 * Where and how the run happened: what a reader needs to judge it or repeat it.
 *
 * @param machine the hardware and OS
 * @param split how the CPUs were divided between the app and the load side, and why
 * @param limits the pod limits the app ran under, when {@code --limits} was given
 * @param jvm the flags of every JVM the lab started
 */
public record Environment(
        Machine machine, CpuSplit split, PodLimitsInfo limits, JvmFlagsInfo jvm, String startedAt, String finishedAt) {

    /** @param nofileLimit the soft open-file limit the lab's processes inherit */
    public record Machine(
            String os, String kernel, String cpuModel, int cpus, long memTotalMiB, long nofileLimit, String jdkHome) {}

    /**
     * @param appCpus CPUs the app may run on (its affinity)
     * @param loadCpus CPUs the stub, Gatling and the runner run on
     * @param appCpuBudget the app's CPU budget in cores: its quota when one is set, else its CPU count
     * @param pinned whether the app and the load side are on disjoint CPUs
     * @param quotaEnforced whether a CFS quota enforces {@code appCpuBudget}
     * @param description one line, as printed at the start of the run
     */
    public record CpuSplit(
            List<Integer> appCpus,
            List<Integer> loadCpus,
            double appCpuBudget,
            boolean pinned,
            boolean quotaEnforced,
            String description) {

        public CpuSplit {
            appCpus = List.copyOf(appCpus);
            loadCpus = List.copyOf(loadCpus);
        }
    }

    /**
     * The pod limits of {@code --limits}.
     *
     * @param source {@code tight}, {@code generous} (an overlay of {@code k8s/overlays}) or the literal
     * @param mechanism how they were applied: {@code cgroup-v2}, {@code cgroup-v1}, {@code systemd-run},
     *     or {@code emulated} (pinning and {@code -Xmx} only, nothing enforced)
     * @param enforced false when the machine could not enforce them (every step then says so)
     * @param javaToolOptions the overlay's JVM options, given to the app as in the pod
     */
    public record PodLimitsInfo(
            String source,
            long cpuMillis,
            long memoryBytes,
            String mechanism,
            boolean enforced,
            String javaToolOptions,
            String note) {}

    public record JvmFlagsInfo(List<String> app, List<String> stub, List<String> loadGenerator) {

        public JvmFlagsInfo {
            app = List.copyOf(app);
            stub = List.copyOf(stub);
            loadGenerator = List.copyOf(loadGenerator);
        }
    }
}
