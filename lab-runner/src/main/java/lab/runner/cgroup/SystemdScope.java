package lab.runner.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An app cgroup made by systemd for a user without root: {@code systemd-run --user --scope} with
 * {@code CPUQuota}, {@code MemoryMax} and {@code MemorySwapMax=0}, where the user's systemd instance
 * has the cpu and memory controllers delegated (cgroup v2). systemd-run execs the command, so the
 * process id is the app's. The counters are the scope's cgroup v2 files; once the scope is gone
 * (its last process ended) the unit's {@code Result} still says whether it ended in an OOM kill.
 */
final class SystemdScope extends Cgroup {

    static final String SYSTEMD_RUN = "systemd-run";
    static final String SYSTEMCTL = "systemctl";
    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final String unit;
    private final Path cgroupRoot;
    private Path dir;

    SystemdScope(String name, PodLimits limits, String unit, Path cgroupRoot) {
        super(name, limits);
        this.unit = unit;
        this.cgroupRoot = cgroupRoot;
    }

    @Override
    public Mechanism mechanism() {
        return Mechanism.SYSTEMD_RUN;
    }

    @Override
    public String location() {
        return "systemd --user unit " + unit;
    }

    @Override
    public List<String> wrap(List<String> command) {
        List<String> cmd = new ArrayList<>(runCommand(unit, limits()));
        cmd.add("--");
        cmd.addAll(command);
        return cmd;
    }

    /** {@code systemd-run --user --scope --unit=U -p CPUQuota=50% -p CPUQuotaPeriodSec=100ms -p MemoryMax=B -p MemorySwapMax=0} */
    static List<String> runCommand(String unit, PodLimits limits) {
        return List.of(
                SYSTEMD_RUN,
                "--user",
                "--scope",
                "--quiet",
                "--unit=" + unit,
                "-p",
                "CPUQuota=" + limits.cpuQuotaPercent(),
                "-p",
                "CPUQuotaPeriodSec=" + PodLimits.PERIOD_MICROS / 1000 + "ms",
                "-p",
                "MemoryMax=" + limits.memoryBytes(),
                "-p",
                "MemorySwapMax=0");
    }

    @Override
    public boolean resetPeak() {
        return false;
    }

    @Override
    CgroupStats readNow() {
        Path d = dir();
        if (d != null && Files.isDirectory(d)) {
            return V2Cgroup.read(d);
        }
        // the scope is gone with its last process: only the unit's result remains
        long oomKills = "oom-kill".equals(show("Result")) ? 1 : CgroupStats.UNKNOWN;
        return new CgroupStats(
                System.nanoTime(),
                new CgroupStats.Cpu(CgroupStats.UNKNOWN, CgroupStats.UNKNOWN, CgroupStats.UNKNOWN, CgroupStats.UNKNOWN),
                new CgroupStats.Memory(CgroupStats.UNKNOWN, CgroupStats.UNKNOWN, limits().memoryBytes(), oomKills));
    }

    @Override
    List<Long> pidsNow() {
        Path d = dir();
        return d == null ? List.of() : CgroupFs.pids(d);
    }

    @Override
    void remove() {
        systemctl("stop", unit);
        systemctl("reset-failed", unit);
    }

    private synchronized Path dir() {
        if (dir == null) {
            String group = show("ControlGroup");
            if (group != null && group.startsWith("/")) {
                dir = cgroupRoot.resolve(group.substring(1));
            }
        }
        return dir;
    }

    private String show(String property) {
        return systemctl("show", "--value", "-p", property, unit);
    }

    /** Runs {@code systemctl --user ARGS}; its trimmed output, or null when it failed. */
    static String systemctl(String... args) {
        List<String> cmd = new ArrayList<>(List.of(SYSTEMCTL, "--user"));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
