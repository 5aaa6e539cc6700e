package lab.runner.cgroup;

import java.util.List;

/** A stand-in lab for {@link RealCgroupsTest}: makes a cgroup, runs {@code sleep} in it, then waits to be killed. */
public final class StaleOwner {

    private StaleOwner() {}

    public static void main(String[] args) throws Exception {
        Cgroup cgroup = Cgroups.detect().create("stale", new PodLimits(500, 64L * 1024 * 1024, "", "stale owner"));
        Process sleeper = new ProcessBuilder(cgroup.wrap(List.of("sleep", "600"))).start();
        while (!cgroup.pids().contains(sleeper.pid())) {
            Thread.sleep(10);
        }
        System.out.println("ready " + sleeper.pid() + " " + cgroup.location().replace(", ", ","));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
