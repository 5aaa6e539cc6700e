package lab.runner.cgroup;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One app's cgroup with its pod's limits in force. Start the process with {@link #wrap} so that it
 * is inside from its first instruction (the JVM reads its limits at start-up); read its counters with
 * {@link #read}; {@link #close} stops whatever is still inside (SIGTERM, then SIGKILL) and removes it.
 * After close, {@link #read} returns the last reading, taken just before removal, so an OOM kill can
 * still be told after the process is gone. Every cgroup is also closed by a shutdown hook (Ctrl-C) and,
 * after a {@code kill -9} of the lab, by the next {@link Cgroups#detect()}.
 */
public abstract class Cgroup implements AutoCloseable {

    /** As {@code ProcessGroup}: time for a polite SIGTERM (Spring's graceful shutdown) before SIGKILL. */
    static final Duration GRACE = Duration.ofSeconds(10);
    /** Time for the kernel to empty a cgroup after SIGKILL. */
    static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private static final Duration POLL = Duration.ofMillis(20);

    private final String name;
    private final PodLimits limits;
    private CgroupStats last;
    private boolean closed;

    Cgroup(String name, PodLimits limits) {
        this.name = name;
        this.limits = limits;
    }

    /** The name given to {@link Cgroups#create}. */
    public String name() {
        return name;
    }

    public PodLimits limits() {
        return limits;
    }

    public abstract Mechanism mechanism();

    /** Where it lives, for messages: its directories or its systemd unit. */
    public abstract String location();

    /**
     * The command line that runs {@code command} inside this cgroup: a wrapper that enters the cgroup
     * and then {@code exec}s the command, so the process id stays the command's own (the JVM's).
     */
    public abstract List<String> wrap(List<String> command);

    /** The counters now (after {@link #close}: the last reading before removal). */
    public final synchronized CgroupStats read() {
        if (!closed) {
            last = readNow();
        }
        return last;
    }

    /**
     * Starts a new peak: the next readings' {@code peakBytes} count from now (per step). Returns false
     * where the kernel cannot (cgroup v2 resets {@code memory.peak} only per open file).
     */
    public abstract boolean resetPeak();

    /** Whether the kernel OOM-killed a process in this cgroup. */
    public boolean oomKilled() {
        return read().memory().oomKills() > 0;
    }

    /** Why a process that ran in this cgroup ended, from its exit status and the cgroup's counters. */
    public Termination termination(int exitCode) {
        return Termination.of(exitCode, read(), limits);
    }

    /** The processes inside now. */
    public final synchronized List<Long> pids() {
        return closed ? List.of() : pidsNow();
    }

    public final synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Stops what is still inside (SIGTERM, {@link #GRACE}, SIGKILL) and removes the cgroup. Never
     * throws: a cgroup that cannot be removed is reported on stderr with its path.
     */
    @Override
    public final void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        stopProcesses();
        synchronized (this) {
            if (closed) {
                return;
            }
            last = readNow();
            closed = true;
        }
        try {
            remove();
        } catch (IOException | RuntimeException e) {
            System.err.println("WARNING: could not remove cgroup " + location() + ": " + e.getMessage());
        }
        Cgroups.closed(this);
    }

    private void stopProcesses() {
        List<Long> pids = pidsNow();
        if (pids.isEmpty()) {
            return;
        }
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
        if (!awaitEmpty(GRACE)) {
            killAll();
            awaitEmpty(KILL_WAIT);
        }
    }

    boolean awaitEmpty(Duration timeout) {
        return awaitEmpty(this::pidsNow, timeout);
    }

    static boolean awaitEmpty(java.nio.file.Path dir, Duration timeout) {
        return awaitEmpty(() -> CgroupFs.pids(dir), timeout);
    }

    private static boolean awaitEmpty(java.util.function.Supplier<List<Long>> pids, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!pids.get().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** SIGKILL to everything inside (v2: {@code cgroup.kill}). */
    void killAll() {
        pidsNow().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    abstract CgroupStats readNow();

    abstract List<Long> pidsNow();

    /** Removes the (empty) cgroup and, when they are empty, the lab's directories above it. */
    abstract void remove() throws IOException;

    /** The {@code sh} wrapper: writes its own pid into each {@code cgroup.procs}, then execs the command. */
    static List<String> shellWrapper(List<java.nio.file.Path> procsFiles, List<String> command) {
        StringBuilder script = new StringBuilder();
        for (java.nio.file.Path procs : procsFiles) {
            // paths are made of the lab's own names (checked in Cgroups.create): no quoting needed
            script.append("echo $$ > ")
                    .append(procs)
                    .append(" || { echo 'lab: cannot enter cgroup ")
                    .append(procs.getParent())
                    .append("' >&2; exit ")
                    .append(ENTER_FAILED)
                    .append("; }; ");
        }
        script.append("exec \"$@\"");
        List<String> wrapped = new java.util.ArrayList<>(List.of("/bin/sh", "-c", script.toString(), "lab-cgroup"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Exit status of the wrapper when it could not enter the cgroup (as {@code env}'s 125: the wrapper failed). */
    public static final int ENTER_FAILED = 125;

    @Override
    public String toString() {
        return name + " (" + mechanism().label() + ", " + limits.describe() + ", " + location() + ")";
    }
}
