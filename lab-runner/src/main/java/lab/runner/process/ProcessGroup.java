package lab.runner.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lab.runner.cgroup.Cgroup;

/**
 * Every process the lab starts goes through one group, which stops them all, with their
 * descendants, when it is closed, when the JVM exits (Ctrl-C runs the shutdown hook) or on failure.
 * Stopping is polite first (SIGTERM lets Spring shut down gracefully), then forceful. A process
 * started in a cgroup takes its cgroup along: it is removed once the process is stopped.
 */
public final class ProcessGroup implements AutoCloseable {

    static final Duration GRACE = Duration.ofSeconds(10);

    private final List<ManagedProcess> processes = new ArrayList<>();
    private final Thread hook = new Thread(this::stopAll, "lab-stop-processes");
    private boolean closed;

    public ProcessGroup() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts {@code command} with its output appended to {@code log}, extra env on top of ours. */
    public ManagedProcess start(String name, List<String> command, Map<String, String> env, Path log)
            throws IOException {
        return start(name, command, env, log, null);
    }

    /**
     * Starts {@code command} inside {@code cgroup} (from its first instruction: {@link Cgroup#wrap}),
     * or as {@link #start(String, List, Map, Path)} when {@code cgroup} is null. The group then owns
     * the cgroup: stopping the process (or closing the group) also closes the cgroup, whose last
     * reading stays available through {@link ManagedProcess#cgroup()}.
     */
    public synchronized ManagedProcess start(
            String name, List<String> command, Map<String, String> env, Path log, Cgroup cgroup) throws IOException {
        if (closed) {
            throw new IllegalStateException("process group is closed");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(cgroup == null ? command : cgroup.wrap(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        ManagedProcess process = new ManagedProcess(name, builder.start(), log, cgroup);
        processes.add(process);
        return process;
    }

    /** Stops one process (and its descendants) and forgets it. */
    public void stop(ManagedProcess process) {
        synchronized (this) {
            processes.remove(process);
        }
        stopTree(process.handle());
        process.cgroup().ifPresent(Cgroup::close);
    }

    public synchronized List<ManagedProcess> running() {
        return processes.stream().filter(ManagedProcess::isAlive).toList();
    }

    private void stopAll() {
        List<ManagedProcess> toStop;
        synchronized (this) {
            // closed first: on Ctrl-C the main thread still runs while this hook does, and a process
            // it started after this point would outlive the JVM
            closed = true;
            toStop = new ArrayList<>(processes);
            processes.clear();
        }
        // Signal everyone first so they shut down in parallel, then wait.
        List<ProcessHandle> handles = new ArrayList<>();
        for (ManagedProcess p : toStop) {
            ProcessHandle h = p.handle();
            h.descendants().forEach(handles::add);
            handles.add(h);
        }
        handles.forEach(ProcessHandle::destroy);
        awaitAllOrKill(handles);
        toStop.forEach(p -> p.cgroup().ifPresent(Cgroup::close));
    }

    static void stopTree(ProcessHandle root) {
        List<ProcessHandle> handles = new ArrayList<>(root.descendants().toList());
        handles.add(root);
        handles.forEach(ProcessHandle::destroy);
        awaitAllOrKill(handles);
    }

    /**
     * One grace period for all of them together, then SIGKILL for those still there and one more
     * period. (Waiting for each in turn added a grace period per process: four apps under a
     * half-CPU quota, each slow to shut down gracefully, kept Ctrl-C waiting for minutes.)
     */
    static void awaitAllOrKill(List<ProcessHandle> handles) {
        if (await(handles, GRACE)) {
            return;
        }
        handles.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        await(handles, GRACE);
        // nothing more can be done; the caller's check lists survivors
    }

    private static boolean await(List<ProcessHandle> handles, Duration timeout) {
        CompletableFuture<?> all = CompletableFuture.allOf(
                handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new));
        try {
            all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }
}
