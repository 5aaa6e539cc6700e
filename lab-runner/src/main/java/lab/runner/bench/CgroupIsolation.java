package lab.runner.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.runner.cgroup.Cgroup;
import lab.runner.cgroup.CgroupStats;
import lab.runner.cgroup.Termination;
import lab.runner.sampling.CgroupReading;

/** An app in its own cgroup with a pod's CPU quota and memory limit. */
public final class CgroupIsolation implements AppIsolation {

    private static final double NANOS_PER_S = 1e9;
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    private final Cgroup cgroup;

    public CgroupIsolation(Cgroup cgroup) {
        this.cgroup = cgroup;
    }

    @Override
    public String location() {
        return cgroup.location();
    }

    @Override
    public List<String> wrap(List<String> command) {
        return cgroup.wrap(command);
    }

    @Override
    public Map<String, String> environment() {
        return cgroup.limits().environment();
    }

    @Override
    public Optional<CgroupReading> read() {
        CgroupStats s = cgroup.read();
        return Optional.of(new CgroupReading(
                Math.max(0, s.cpu().periods()),
                Math.max(0, s.cpu().throttledPeriods()),
                Math.max(0, s.cpu().throttledNanos()) / NANOS_PER_S,
                Math.max(0, s.memory().usageBytes()) / BYTES_PER_MIB,
                s.memory().limitBytes() > 0 ? s.memory().limitBytes() / BYTES_PER_MIB : 0,
                Math.max(0, s.memory().oomKills())));
    }

    @Override
    public Optional<String> killedBecause(int exitCode) {
        Termination t = cgroup.termination(exitCode);
        return t.oomKilled() ? Optional.of(t.detail()) : Optional.empty();
    }

    @Override
    public void close() {
        cgroup.close();
    }
}
