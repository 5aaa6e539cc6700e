package lab.runner.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which CPUs the app gets and which the load side (stub + Gatling) gets. The app is pinned to the
 * last {@code appCpuCount} CPUs this process may use, emulating a container CPU limit; the rest go
 * to the load side. With a single CPU nothing can be separated: everything shares it and
 * {@link #pinned()} is false.
 */
public record CpuLayout(List<Integer> appCpus, List<Integer> loadCpus, boolean pinned) {

    public CpuLayout {
        appCpus = List.copyOf(appCpus);
        loadCpus = List.copyOf(loadCpus);
    }

    public static CpuLayout detect(int appCpuCount) {
        return split(allowedCpus(), appCpuCount);
    }

    static CpuLayout split(List<Integer> allowed, int appCpuCount) {
        if (allowed.size() < 2) {
            return new CpuLayout(allowed, allowed, false);
        }
        // The load side always keeps at least one CPU of its own, otherwise it would measure itself.
        int forApp = Math.max(1, Math.min(appCpuCount, allowed.size() - 1));
        int cut = allowed.size() - forApp;
        return new CpuLayout(allowed.subList(cut, allowed.size()), allowed.subList(0, cut), true);
    }

    public int appCpuCount() {
        return appCpus.size();
    }

    public int loadCpuCount() {
        return loadCpus.size();
    }

    /** The {@code taskset -c} argument for the app. */
    public String appCpuList() {
        return join(appCpus);
    }

    public String loadCpuList() {
        return join(loadCpus);
    }

    private static String join(List<Integer> cpus) {
        return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The CPUs this process may run on (its affinity mask, what {@code nproc} counts). */
    static List<Integer> allowedCpus() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return parseList(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through to the JVM's count
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            all.add(i);
        }
        return all;
    }

    /** Parses a kernel CPU list such as {@code 0-3,6,8-9}. */
    static List<Integer> parseList(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            if (dash < 0) {
                cpus.add(Integer.parseInt(p));
            } else {
                int from = Integer.parseInt(p.substring(0, dash));
                int to = Integer.parseInt(p.substring(dash + 1));
                for (int c = from; c <= to; c++) {
                    cpus.add(c);
                }
            }
        }
        return cpus;
    }
}
