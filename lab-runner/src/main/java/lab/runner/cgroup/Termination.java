package lab.runner.cgroup;

import lab.k8s.units.Quantities;

/**
 * Why a process in a cgroup ended, as a pod's status would say it: {@code OOMKilled} when the kernel
 * killed it at the memory limit (never a "crash"), else killed by a signal, else its exit code.
 *
 * @param kind     what happened
 * @param exitCode the process's exit status as Java reports it (128 + signal when killed by one)
 * @param detail   one line for people: {@code OOM-killed by the 448Mi memory limit (peak 448.0 MiB)}
 */
public record Termination(Kind kind, int exitCode, String detail) {

    /** What ended the process. */
    public enum Kind {
        /** The kernel's OOM killer, at the cgroup's memory limit. */
        OOM_KILLED,
        /** A signal (ours when stopping it, or anyone's). */
        KILLED,
        /** It exited by itself (with {@code -XX:+ExitOnOutOfMemoryError}, a Java heap OOM exits with 3). */
        EXITED
    }

    /** Java reports a process killed by signal N as exit status 128 + N. */
    static final int SIGNAL_BASE = 128;

    static final int SIGKILL = 9;
    /** The highest Linux signal number (SIGRTMAX). */
    private static final int MAX_SIGNAL = 64;

    /** Classifies an exit status with the cgroup's counters read after the process ended. */
    public static Termination of(int exitCode, CgroupStats stats, PodLimits limits) {
        boolean sigkill = exitCode == SIGNAL_BASE + SIGKILL;
        if (sigkill && stats.memory().oomKills() > 0) {
            String peak = stats.memory().peakBytes() >= 0
                    ? " (peak " + Quantities.mebibytes(stats.memory().peakBytes()) + ")"
                    : "";
            return new Termination(
                    Kind.OOM_KILLED, exitCode, "OOM-killed by the " + limits.memoryText() + " memory limit" + peak);
        }
        return withoutCgroup(exitCode);
    }

    /** For a process that ran in no cgroup: a signal or an exit status, never an OOM kill the lab could prove. */
    public static Termination withoutCgroup(int exitCode) {
        if (exitCode > SIGNAL_BASE && exitCode <= SIGNAL_BASE + MAX_SIGNAL) {
            return new Termination(Kind.KILLED, exitCode, "killed by signal " + (exitCode - SIGNAL_BASE));
        }
        return new Termination(Kind.EXITED, exitCode, "exited with status " + exitCode);
    }

    public boolean oomKilled() {
        return kind == Kind.OOM_KILLED;
    }
}
