package lab.runner.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.runner.cgroup.Cgroup;

/** Builds java command lines, pinned to CPUs with {@code taskset -c} when the layout allows it. */
public final class JavaLauncher {

    private final Path javaBin;
    private final boolean taskset;

    public JavaLauncher() {
        this(Path.of(System.getProperty("java.home"), "bin", "java"), tasksetAvailable());
    }

    JavaLauncher(Path javaBin, boolean taskset) {
        this.javaBin = javaBin;
        this.taskset = taskset;
    }

    public Path javaBin() {
        return javaBin;
    }

    /** The JDK tool next to our java (jcmd must be the same JDK as the JVM it attaches to). */
    public Path jdkTool(String tool) {
        return javaBin.getParent().resolve(tool);
    }

    public boolean canPin() {
        return taskset;
    }

    /** {@code taskset -c cpus java jvmArgs... rest...}; taskset execs java, so the PID is the JVM's. */
    public List<String> command(String cpus, List<String> jvmArgs, List<String> rest) {
        List<String> cmd = new ArrayList<>();
        if (taskset && cpus != null && !cpus.isEmpty()) {
            cmd.addAll(List.of("taskset", "-c", cpus));
        }
        cmd.add(javaBin.toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(rest);
        return cmd;
    }

    /** Starts a Spring Boot jar with {@code --server.port=0} unless a port is given, and waits for its port file. */
    public ManagedProcess startJar(
            ProcessGroup group,
            String name,
            Path jar,
            String cpus,
            List<String> jvmArgs,
            List<String> appArgs,
            Path logDir)
            throws IOException {
        return startJar(group, name, jar, cpus, null, jvmArgs, appArgs, logDir);
    }

    /**
     * As {@link #startJar(ProcessGroup, String, Path, String, List, List, Path)}, inside {@code cgroup}
     * when it is not null: the JVM starts in it (and pinned to {@code cpus} when given) and gets the
     * pod's {@code JAVA_TOOL_OPTIONS} in its environment, exactly as the container does. Give no
     * {@code -Xmx} or {@code -XX:ActiveProcessorCount} in {@code jvmArgs} then: the JVM sizes itself
     * from the cgroup's limits, as in the pod. The group owns the cgroup from here on.
     */
    public ManagedProcess startJar(
            ProcessGroup group,
            String name,
            Path jar,
            String cpus,
            Cgroup cgroup,
            List<String> jvmArgs,
            List<String> appArgs,
            Path logDir)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("missing " + jar + ": build it with ./mvnw -q -DskipTests install (./lab does)");
        }
        Path portFile = logDir.resolve(name + ".port");
        Files.createDirectories(logDir);
        Files.deleteIfExists(portFile);
        List<String> rest = new ArrayList<>(List.of("-jar", jar.toString()));
        rest.addAll(appArgs);
        Map<String, String> env = new HashMap<>(Map.of("PORTFILE", portFile.toString()));
        if (cgroup != null) {
            env.putAll(cgroup.limits().environment());
        }
        return group.start(name, command(cpus, jvmArgs, rest), env, logDir.resolve(name + ".log"), cgroup);
    }

    /**
     * Moves this JVM (all its threads; new threads inherit it) onto {@code cpus}, so that the
     * runner's own sampling never runs on the app's CPU. Returns whether it worked.
     */
    public boolean pinThisProcess(String cpus) {
        if (!taskset || cpus == null || cpus.isEmpty()) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(
                            "taskset",
                            "-a",
                            "-p",
                            "-c",
                            cpus,
                            Long.toString(ProcessHandle.current().pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean tasksetAvailable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "taskset"))) {
                return true;
            }
        }
        return false;
    }
}
