package lab.runner.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.runner.sampling.CgroupReading;

/**
 * What an app runs inside: nothing but its pinned CPUs, or a cgroup with a pod's CPU quota and
 * memory limit ({@code --limits}).
 */
public interface AppIsolation extends AutoCloseable {

    /** Where it runs, in words, for the record ({@code null} when it is not a cgroup). */
    String location();

    /** The command that starts {@code command} inside it from its first instruction. */
    List<String> wrap(List<String> command);

    /** The app's environment in it: a pod's {@code JAVA_TOOL_OPTIONS}, as the container gets them. */
    Map<String, String> environment();

    /** Its counters now; empty without a cgroup. */
    Optional<CgroupReading> read();

    /** Why a process that ran in it ended, when the isolation can tell (e.g. an OOM kill). */
    Optional<String> killedBecause(int exitCode);

    @Override
    void close();

    /**
     * A pod's limits where no cgroup can be made: the pod's JVM options, and whatever JVM flags
     * make the JVM size itself as if it had the limits; nothing enforced.
     */
    static AppIsolation emulated(Map<String, String> environment) {
        return new AppIsolation() {
            @Override
            public String location() {
                return null;
            }

            @Override
            public List<String> wrap(List<String> command) {
                return command;
            }

            @Override
            public Map<String, String> environment() {
                return environment;
            }

            @Override
            public Optional<CgroupReading> read() {
                return Optional.empty();
            }

            @Override
            public Optional<String> killedBecause(int exitCode) {
                return Optional.empty();
            }

            @Override
            public void close() {}
        };
    }

    /** No cgroup: the app runs on its pinned CPUs only. */
    AppIsolation NONE = emulated(Map.of());
}
