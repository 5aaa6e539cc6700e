package lab.runner.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lab.runner.cgroup.Cgroup;
import lab.runner.cgroup.Termination;

/**
 * A process the lab started: its name (for messages), the OS process, where its output goes, and the
 * cgroup it runs in when it runs under pod limits.
 */
public final class ManagedProcess {

    private final String name;
    private final Process process;
    private final Path log;
    private final Cgroup cgroup;

    ManagedProcess(String name, Process process, Path log, Cgroup cgroup) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.cgroup = cgroup;
    }

    /** The cgroup it was started in (from its first instruction), if it runs under pod limits. */
    public Optional<Cgroup> cgroup() {
        return Optional.ofNullable(cgroup);
    }

    /**
     * Why it ended, once it has: "OOM-killed by the 448Mi memory limit" when the kernel killed it at
     * its cgroup's limit, else the signal or exit status. Empty while it runs.
     */
    public Optional<Termination> termination() {
        if (process.isAlive()) {
            return Optional.empty();
        }
        int code = process.exitValue();
        return Optional.of(cgroup != null ? cgroup.termination(code) : Termination.withoutCgroup(code));
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended, else -1. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits for the process to end; returns its exit code, or empty when it is still running. */
    public java.util.OptionalInt waitFor(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return java.util.OptionalInt.of(process.exitValue());
        }
        return java.util.OptionalInt.empty();
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
