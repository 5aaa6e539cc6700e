package lab.runner.bench;

import java.util.List;
import java.util.Locale;
import lab.runner.process.CpuLayout;
import lab.runrecord.Environment;

/**
 * How the CPUs are divided: the app alone on its CPU(s), pinned, with an optional CFS quota below
 * them; the stub, the load generator and the runner on the rest. On one CPU nothing can be
 * separated and the split says so.
 *
 * @param layout which CPUs each side may run on
 * @param appBudgetCores the app's CPU budget: its quota when set, else its CPU count
 * @param quotaEnforced whether a CFS quota enforces the budget
 */
public record CpuSplit(CpuLayout layout, double appBudgetCores, boolean quotaEnforced) {

    /** The app on {@code appCpus} whole CPUs, no quota. */
    public static CpuSplit pinned(int appCpus) {
        CpuLayout layout = CpuLayout.detect(appCpus);
        return new CpuSplit(layout, layout.appCpuCount(), false);
    }

    /**
     * The app under a quota of {@code millicores}, pinned to as many whole CPUs as the quota needs
     * (a 500m pod on one CPU, as a node would schedule it), the load side on the rest.
     */
    public static CpuSplit quota(long millicores) {
        int cpus = (int) Math.ceil(millicores / 1000.0);
        CpuLayout layout = CpuLayout.detect(cpus);
        return new CpuSplit(layout, Math.min(millicores / 1000.0, layout.appCpuCount()), true);
    }

    /** CPUs the load side has (all of them when nothing could be separated). */
    public double loadBudgetCores() {
        return layout.loadCpuCount();
    }

    public String describe(boolean taskset) {
        if (!layout.pinned() || !taskset) {
            return "NOT pinned (" + (taskset ? "only one CPU" : "no taskset")
                    + "): app, stub and load generator share CPU " + layout.appCpuList()
                    + "; CPU figures mix, saturation checks are weaker";
        }
        String budget = quotaEnforced ? String.format(Locale.ROOT, ", CFS quota %.2f CPU", appBudgetCores) : "";
        return "app on CPU " + layout.appCpuList() + budget + "; stub, load generator and runner on CPU "
                + layout.loadCpuList();
    }

    public Environment.CpuSplit toRecord(boolean taskset) {
        return new Environment.CpuSplit(
                List.copyOf(layout.appCpus()),
                List.copyOf(layout.loadCpus()),
                appBudgetCores,
                layout.pinned() && taskset,
                quotaEnforced,
                describe(taskset));
    }
}
