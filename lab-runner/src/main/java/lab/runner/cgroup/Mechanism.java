package lab.runner.cgroup;

/** How the lab puts an app under pod limits on this machine, best first. */
public enum Mechanism {
    /** cgroup v2 files ({@code cpu.max}, {@code memory.max}) written directly: root, or a delegated subtree. */
    CGROUP_V2("cgroup v2"),
    /** cgroup v1 files ({@code cpu.cfs_quota_us}, {@code memory.limit_in_bytes}) written directly. */
    CGROUP_V1("cgroup v1"),
    /** A transient systemd scope ({@code systemd-run --user --scope -p CPUQuota= -p MemoryMax=}). */
    SYSTEMD_RUN("systemd-run scope"),
    /** Nothing can enforce limits: CPU pinning only, and every step says "limits emulated, not enforced". */
    NONE("none");

    private final String label;

    Mechanism(String label) {
        this.label = label;
    }

    /** Whether the kernel enforces the quota and the memory limit (throttling and OOM kills happen). */
    public boolean enforced() {
        return this != NONE;
    }

    public String label() {
        return label;
    }
}
