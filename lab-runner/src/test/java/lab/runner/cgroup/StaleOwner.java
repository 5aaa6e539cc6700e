package lab.runner.cgroup;

import java.util.List;

/** A stand-in lab for {@link RealCgroupsTest}: makes a cgroup, runs {@code sleep} in it, then waits to be killed. */
public final class StaleOwner {

    private static final int ENTER_POLLS = 1000;

    private StaleOwner() {}

    public static void main(String[] args) throws Exception {
        Cgroup cgroup = Cgroups.detect().create("stale", new PodLimits(500, 64L * 1024 * 1024, "", "stale owner"));
        Process sleeper = new ProcessBuilder(cgroup.wrap(List.of("sleep", "600"))).start();
        // bounded: a wrapper that failed to enter the cgroup ends this owner, and so the test, with a message
        for (int i = 0; !cgroup.pids().contains(sleeper.pid()); i++) {
            if (i > ENTER_POLLS) {
                sleeper.destroyForcibly();
                System.out.println("failed: the sleeper never entered " + cgroup.location());
                System.exit(1);
            }
            Thread.sleep(10);
        }
        System.out.println("ready " + sleeper.pid() + " " + cgroup.location().replace(", ", ","));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
