package lab.runner.cgroup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * What this machine offers to run an app under pod limits, and the factory of app cgroups.
 *
 * <p>{@link #detect()} tries, in order: cgroup v2 written directly, cgroup v1 written directly (both
 * need root or a delegated, writable hierarchy), a systemd user scope ({@code systemd-run --user
 * --scope}) where the user session delegates cpu and memory, else {@link Mechanism#NONE} with the
 * reason. It also removes what an earlier lab left behind when it was killed ({@code kill -9}): every
 * lab cgroup sits under {@code blocking-reactive-lab/<pid>-<start time>/} of the lab JVM that made it,
 * and one whose owner is no longer running is emptied (SIGKILL) and removed.
 *
 * <p>Layout: v2 {@code /sys/fs/cgroup/blocking-reactive-lab/<owner>/<name>}; v1 the same under each of
 * the {@code cpu}, {@code cpuacct} and {@code memory} mounts; systemd the unit
 * {@code blocking-reactive-lab-<owner>-<name>.scope}. A shutdown hook closes every cgroup still open.
 */
public final class Cgroups {

    /** The lab's directory at the top of each hierarchy, and the prefix of its systemd units. */
    public static final String PARENT = "blocking-reactive-lab";

    static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
    static final Path PROC = Path.of("/proc");

    private static final String NONE_DESCRIPTION =
            "none: limits emulated, not enforced (CPU pinning and JVM flags only)";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern OWNER = Pattern.compile("(\\d+)-(\\d+)");
    private static final String PROBE = "probe";
    /** A CPU quota and memory limit the probe sets to prove the files are writable. */
    private static final PodLimits PROBE_LIMITS = new PodLimits(500, 64L * 1024 * 1024, "", "probe");
    /** {@code /proc/<pid>/stat} field 22, the start time, counted from the field after the command name. */
    private static final int START_TIME_FIELD_AFTER_COMM = 19;

    private static final Set<Cgroup> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();
    /** Guards {@link #stopping} and the hand-over of {@link #OPEN} to the shutdown hook. */
    private static final Object LIFECYCLE = new Object();
    /** Set once the JVM is shutting down (Ctrl-C): no cgroup is made after that. */
    private static boolean stopping;

    private final Mechanism mechanism;
    private final String description;
    private final List<String> notUsed;
    private final List<String> staleRemoved;
    private final Map<String, Path> v1Parents;
    private final Path v2Parent;
    private final Path v2Root;
    private final String owner;

    private Cgroups(
            Mechanism mechanism,
            String description,
            List<String> notUsed,
            List<String> staleRemoved,
            Map<String, Path> v1Parents,
            Path v2Parent,
            Path v2Root) {
        this.mechanism = mechanism;
        this.description = description;
        this.notUsed = List.copyOf(notUsed);
        this.staleRemoved = List.copyOf(staleRemoved);
        this.v1Parents = Map.copyOf(v1Parents);
        this.v2Parent = v2Parent;
        this.v2Root = v2Root;
        this.owner = ownerOf(ProcessHandle.current().pid())
                .orElse(Long.toString(ProcessHandle.current().pid()));
    }

    /** Probes this machine (creating and removing a test cgroup) and cleans up after dead labs. */
    public static Cgroups detect() {
        return detect(MOUNTINFO, true);
    }

    static Cgroups detect(Path mountinfo, boolean trySystemd) {
        List<CgroupFs.Mount> mounts = CgroupFs.mounts(mountinfo);
        List<String> notUsed = new ArrayList<>();
        Optional<String> self = ownerOf(ProcessHandle.current().pid());
        if (self.isEmpty() || mounts.isEmpty()) {
            notUsed.add("no cgroup file system in " + mountinfo + " (not Linux?)");
            return new Cgroups(Mechanism.NONE, NONE_DESCRIPTION, notUsed, List.of(), Map.of(), null, null);
        }
        String owner = self.get();

        Optional<CgroupFs.Mount> v2 =
                mounts.stream().filter(CgroupFs.Mount::version2).findFirst();
        if (v2.isPresent()) {
            Path root = v2.get().mountPoint();
            String why = v2Unusable(v2.get(), owner);
            if (why == null) {
                Path parent = root.resolve(PARENT);
                List<String> stale = removeStale(List.of(parent));
                return new Cgroups(
                        Mechanism.CGROUP_V2,
                        "cgroup v2, written directly under " + parent,
                        notUsed,
                        stale,
                        Map.of(),
                        parent,
                        root);
            }
            notUsed.add("cgroup v2: " + why);
        } else {
            notUsed.add("cgroup v2: not mounted");
        }

        Map<String, Path> v1Parents = new LinkedHashMap<>();
        for (String controller : V1Cgroup.CONTROLLERS) {
            CgroupFs.v1Mount(mounts, controller)
                    .ifPresent(m -> v1Parents.put(controller, m.mountPoint().resolve(PARENT)));
        }
        String v1Why = v1Unusable(mounts, v1Parents, owner);
        if (v1Why == null) {
            List<String> stale =
                    removeStale(v1Parents.values().stream().distinct().toList());
            return new Cgroups(
                    Mechanism.CGROUP_V1,
                    "cgroup v1, written directly under "
                            + String.join(
                                    ", ",
                                    v1Parents.values().stream()
                                            .distinct()
                                            .map(Path::toString)
                                            .toList()),
                    notUsed,
                    stale,
                    v1Parents,
                    null,
                    null);
        }
        notUsed.add("cgroup v1: " + v1Why);

        if (trySystemd) {
            Path root = v2.map(CgroupFs.Mount::mountPoint).orElse(Path.of("/sys/fs/cgroup"));
            String why = systemdUnusable(root);
            if (why == null) {
                List<String> stale = removeStaleScopes();
                return new Cgroups(
                        Mechanism.SYSTEMD_RUN,
                        "systemd-run --user --scope (the user session delegates cpu and memory)",
                        notUsed,
                        stale,
                        Map.of(),
                        null,
                        root);
            }
            notUsed.add("systemd-run: " + why);
        }
        return new Cgroups(Mechanism.NONE, NONE_DESCRIPTION, notUsed, List.of(), Map.of(), null, null);
    }

    public Mechanism mechanism() {
        return mechanism;
    }

    /** Whether limits are enforced by the kernel (else: emulated by pinning and JVM flags, not enforced). */
    public boolean enforced() {
        return mechanism.enforced();
    }

    /** One line: the mechanism and where its cgroups go. */
    public String description() {
        return description;
    }

    /** Why each better mechanism was not used, one line each (empty when the best one was). */
    public List<String> notUsed() {
        return notUsed;
    }

    /** What {@link #detect()} removed after an earlier lab that was killed. */
    public List<String> staleRemoved() {
        return staleRemoved;
    }

    /**
     * Makes the cgroup {@code name} (letters, digits, {@code . _ -}; unique among this lab's open
     * cgroups, e.g. {@code mvc} or {@code mvc-2}) with {@code limits} in force. Close it, or let the
     * process group that runs the app in it close it.
     *
     * @throws IllegalStateException when {@link #enforced()} is false (there is nothing to create)
     * @throws IllegalArgumentException for a name that is not a plain file name
     * @throws IOException when the kernel refuses (the message names the file)
     */
    public Cgroup create(String name, PodLimits limits) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a cgroup name is letters, digits, '.', '_' and '-' (at most 64), got '" + name + "'");
        }
        synchronized (LIFECYCLE) {
            // a main thread still running while Ctrl-C's hooks run must not make a cgroup they miss
            if (stopping) {
                throw new IOException("the lab is stopping: no new cgroup for " + name);
            }
            return createAndRegister(name, limits);
        }
    }

    private Cgroup createAndRegister(String name, PodLimits limits) throws IOException {
        Cgroup cgroup = switch (mechanism) {
            case CGROUP_V2 -> V2Cgroup.create(name, limits, ownerDirV2().resolve(name));
            case CGROUP_V1 -> {
                Map<String, Path> dirs = new LinkedHashMap<>();
                v1Parents.forEach((c, p) -> dirs.put(c, p.resolve(owner).resolve(name)));
                yield V1Cgroup.create(name, limits, dirs);
            }
            case SYSTEMD_RUN -> new SystemdScope(name, limits, PARENT + "-" + owner + "-" + name, v2Root);
            case NONE ->
                throw new IllegalStateException(
                        "limits cannot be enforced on this machine: " + String.join("; ", notUsed));
        };
        register(cgroup);
        return cgroup;
    }

    /** The cgroups this JVM has open now. */
    public static List<Cgroup> open() {
        return List.copyOf(OPEN);
    }

    private Path ownerDirV2() throws IOException {
        Path dir = v2Parent.resolve(owner);
        if (!Files.isDirectory(dir)) {
            enableV2(v2Parent);
            enableV2(dir);
        }
        return dir;
    }

    /** Makes a v2 inner directory that hands cpu and memory down to its children. */
    private static void enableV2(Path dir) throws IOException {
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            // another lab made it, or we did earlier
        }
        String enabled = Files.readString(dir.resolve("cgroup.subtree_control"));
        if (!hasCpuAndMemory(enabled)) {
            CgroupFs.write(dir.resolve("cgroup.subtree_control"), "+cpu +memory");
        }
    }

    private static void register(Cgroup cgroup) {
        OPEN.add(cgroup);
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(Cgroups::removeAllOpen, "lab-remove-cgroups"));
        }
    }

    private static void removeAllOpen() {
        List<Cgroup> open;
        synchronized (LIFECYCLE) {
            stopping = true;
            open = List.copyOf(OPEN);
        }
        open.parallelStream().forEach(Cgroup::close);
    }

    static void closed(Cgroup cgroup) {
        OPEN.remove(cgroup);
    }

    /** Removes {@code dir} if it is empty and a lab directory (an owner's, or the lab's parent), then its parent likewise. */
    static void removeIfEmpty(Path dir) {
        Path d = dir;
        for (int level = 0; level < 2 && d != null; level++) {
            boolean ours = d.getFileName().toString().equals(PARENT)
                    || (d.getParent() != null
                            && d.getParent().getFileName().toString().equals(PARENT));
            if (!ours) {
                return;
            }
            try {
                Files.deleteIfExists(d);
            } catch (IOException notEmpty) {
                return; // another cgroup of ours, or another lab's owner directory
            }
            d = d.getParent();
        }
    }

    // ---- probing ----

    private static String v2Unusable(CgroupFs.Mount mount, String owner) {
        if (mount.readOnly()) {
            return mount.mountPoint() + " is mounted read-only";
        }
        Path root = mount.mountPoint();
        try {
            String controllers = Files.readString(root.resolve("cgroup.controllers"));
            if (!hasCpuAndMemory(controllers)) {
                return "the cpu and memory controllers are not on the v2 hierarchy (" + root + "/cgroup.controllers: '"
                        + controllers.strip() + "')";
            }
            String delegated = Files.readString(root.resolve("cgroup.subtree_control"));
            if (!hasCpuAndMemory(delegated)) {
                return root + "/cgroup.subtree_control does not enable cpu and memory";
            }
            Path parent = root.resolve(PARENT);
            Path ownerDir = parent.resolve(owner);
            boolean existed = Files.isDirectory(ownerDir);
            enableV2(parent);
            enableV2(ownerDir);
            Path probe = ownerDir.resolve(PROBE);
            V2Cgroup.create(PROBE, PROBE_LIMITS, probe).remove();
            if (!existed) {
                removeIfEmpty(ownerDir);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "not writable here (" + e.getMessage() + ")";
        }
    }

    private static String v1Unusable(List<CgroupFs.Mount> mounts, Map<String, Path> parents, String owner) {
        for (String required : List.of("cpu", "memory")) {
            if (!parents.containsKey(required)) {
                return "no " + required + " hierarchy mounted";
            }
            if (CgroupFs.v1Mount(mounts, required).orElseThrow().readOnly()) {
                return parents.get(required).getParent() + " is mounted read-only";
            }
        }
        Map<String, Path> dirs = new LinkedHashMap<>();
        parents.forEach((c, p) -> dirs.put(c, p.resolve(owner).resolve(PROBE)));
        try {
            V1Cgroup.create(PROBE, PROBE_LIMITS, dirs).remove();
            return null;
        } catch (IOException | RuntimeException e) {
            return "not writable here (" + e.getMessage() + ")";
        }
    }

    private static String systemdUnusable(Path v2Root) {
        if (!onPath(SystemdScope.SYSTEMD_RUN)) {
            return SystemdScope.SYSTEMD_RUN + " not found";
        }
        if (SystemdScope.systemctl("show-environment") == null) {
            return "no systemd user session (systemctl --user does not answer)";
        }
        Optional<String> uid = uid();
        Path manager =
                v2Root.resolve("user.slice/user-" + uid.orElse("?") + ".slice/user@" + uid.orElse("?") + ".service");
        try {
            String delegated = Files.readString(manager.resolve("cgroup.controllers"));
            if (!hasCpuAndMemory(delegated)) {
                return "the user session delegates '" + delegated.strip()
                        + "', not cpu and memory (systemd's Delegate= in user@.service)";
            }
        } catch (IOException e) {
            return "cannot read " + manager.resolve("cgroup.controllers") + " (" + e.getMessage() + ")";
        }
        List<String> probe = new ArrayList<>(SystemdScope.runCommand(
                PARENT + "-" + PROBE + "-" + ProcessHandle.current().pid(), PROBE_LIMITS));
        probe.addAll(List.of("--", "/bin/true"));
        return SystemdScope.run(probe) == null ? String.join(" ", probe) + " failed" : null;
    }

    /** A controller list ({@code cgroup.controllers}, {@code cgroup.subtree_control}): "cpuset" is not "cpu". */
    static boolean hasCpuAndMemory(String controllers) {
        List<String> names = List.of(controllers.strip().split("\\s+"));
        return names.contains("cpu") && names.contains("memory");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> uid() {
        try {
            for (String line : Files.readAllLines(PROC.resolve("self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Optional.of(line.substring("Uid:".length()).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return Optional.empty();
    }

    // ---- owners and stale clean-up ----

    /** {@code <pid>-<start time in clock ticks>}: unique across pid reuse. */
    static Optional<String> ownerOf(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(pid + "/stat"));
            String[] afterComm = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(pid + "-" + afterComm[START_TIME_FIELD_AFTER_COMM]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the lab that owns {@code ownerDirName} is still running (same pid, same start time). */
    static boolean ownerAlive(String ownerDirName) {
        var m = OWNER.matcher(ownerDirName);
        if (!m.matches()) {
            return false;
        }
        return ownerOf(Long.parseLong(m.group(1))).map(ownerDirName::equals).orElse(false);
    }

    /** Empties and removes every owner directory under {@code parents} whose lab is gone. */
    static List<String> removeStale(List<Path> parents) {
        List<String> removed = new ArrayList<>();
        for (Path parent : parents) {
            for (Path ownerDir : list(parent)) {
                if (ownerAlive(ownerDir.getFileName().toString())) {
                    continue;
                }
                for (Path leaf : list(ownerDir)) {
                    removeStaleLeaf(leaf, removed);
                }
                try {
                    Files.deleteIfExists(ownerDir);
                } catch (IOException e) {
                    removed.add("could not remove " + ownerDir + ": " + e.getMessage());
                }
            }
            removeIfEmpty(parent);
        }
        return removed;
    }

    private static void removeStaleLeaf(Path leaf, List<String> removed) {
        List<Long> pids = CgroupFs.pids(leaf);
        Path kill = leaf.resolve("cgroup.kill");
        try {
            if (!pids.isEmpty() && Files.exists(kill)) {
                CgroupFs.write(kill, "1");
            }
        } catch (IOException fallBack) {
            // one by one below
        }
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        Cgroup.awaitEmpty(leaf, Cgroup.KILL_WAIT);
        try {
            Files.deleteIfExists(leaf);
            removed.add(
                    leaf + (pids.isEmpty() ? "" : " (killed " + pids.size() + " leftover process(es): " + pids + ")"));
        } catch (IOException e) {
            removed.add("could not remove " + leaf + ": " + e.getMessage());
        }
    }

    private static List<String> removeStaleScopes() {
        String units =
                SystemdScope.systemctl("list-units", "--all", "--plain", "--no-legend", "--type=scope", PARENT + "-*");
        List<String> removed = new ArrayList<>();
        if (units == null) {
            return removed;
        }
        Pattern scope = Pattern.compile(Pattern.quote(PARENT) + "-(\\d+-\\d+)-.*\\.scope");
        for (String line : units.lines().toList()) {
            String unit = line.strip().split("\\s+")[0];
            var m = scope.matcher(unit);
            if (m.matches() && !ownerAlive(m.group(1))) {
                SystemdScope.systemctl("stop", unit);
                SystemdScope.systemctl("reset-failed", unit);
                removed.add(unit);
            }
        }
        return removed;
    }

    private static List<Path> list(Path dir) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, Files::isDirectory)) {
            stream.forEach(children::add);
        } catch (NoSuchFileException gone) {
            // nothing there
        } catch (IOException e) {
            // unreadable: nothing we can clean
        }
        return children;
    }
}
