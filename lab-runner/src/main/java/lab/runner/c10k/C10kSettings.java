package lab.runner.c10k;

import java.nio.file.Path;
import java.util.List;
import lab.runner.bench.Launch;
import lab.runner.compare.EnvironmentProbe;

/**
 * The c10k scenario, decided: how many requests in flight (as many as the open-file limit allows,
 * at most 10,000), held how long, for how long.
 */
public record C10kSettings(
        Path root,
        Path out,
        boolean quick,
        List<Launch> variants,
        int inFlight,
        String inFlightReason,
        long nofileLimit,
        int delayMs,
        int stepSeconds,
        int rampSeconds,
        int warmupSeconds,
        int warmupUsers,
        int warmupDelayMs,
        int heapMiB,
        String gc,
        int appCpus,
        int requestTimeoutMs,
        int gatlingHeapMiB) {

    static final int TARGET_IN_FLIGHT = 10_000;
    /** File descriptors every JVM needs besides the sockets of the requests (jars, logs, epoll, listeners). */
    static final int FD_RESERVE = 500;
    /** The app holds two sockets per request in flight: the client's and its own to the stub. */
    static final int APP_SOCKETS_PER_REQUEST = 2;

    static final int ROUND_TO = 100;
    static final int DEFAULT_DELAY_MS = 5000;
    static final int DEFAULT_SECONDS = 20;
    static final int QUICK_SECONDS = 10;
    static final int DEFAULT_RAMP_SECONDS = 5;
    static final int QUICK_RAMP_SECONDS = 3;
    static final int DEFAULT_WARMUP_SECONDS = 10;
    static final int QUICK_WARMUP_SECONDS = 5;
    static final int WARMUP_USERS = 200;
    static final int WARMUP_DELAY_MS = 100;
    static final int REQUEST_TIMEOUT_DELAYS = 3;

    public static C10kSettings resolve(
            Path root,
            Path out,
            boolean quick,
            List<Launch> variants,
            Integer inFlight,
            Integer delayMs,
            Integer stepSeconds,
            Integer rampSeconds,
            Integer warmupSeconds,
            int heapMiB,
            String gc,
            int appCpus,
            Integer requestTimeoutMs,
            int gatlingHeapMiB) {
        long nofile = EnvironmentProbe.nofileLimit();
        int wanted = inFlight != null ? inFlight : TARGET_IN_FLIGHT;
        int fits = fitting(nofile);
        int chosen = Math.min(wanted, fits);
        String reason = chosen == wanted
                ? String.format(
                        java.util.Locale.ROOT,
                        "%,d in flight: ulimit -n %s leaves room for %,d (the app needs %d sockets per request + %d)",
                        chosen,
                        nofile == Long.MAX_VALUE ? "unlimited" : Long.toString(nofile),
                        fits,
                        APP_SOCKETS_PER_REQUEST,
                        FD_RESERVE)
                : String.format(
                        java.util.Locale.ROOT,
                        "%,d in flight instead of %,d: ulimit -n is %d and the app needs %d sockets per request "
                                + "+ %d; raise it with ulimit -n for the full figure",
                        chosen,
                        wanted,
                        nofile,
                        APP_SOCKETS_PER_REQUEST,
                        FD_RESERVE);
        int delay = delayMs != null ? delayMs : DEFAULT_DELAY_MS;
        return new C10kSettings(
                root,
                out,
                quick,
                variants,
                chosen,
                reason,
                nofile,
                delay,
                stepSeconds != null ? stepSeconds : quick ? QUICK_SECONDS : DEFAULT_SECONDS,
                rampSeconds != null ? rampSeconds : quick ? QUICK_RAMP_SECONDS : DEFAULT_RAMP_SECONDS,
                warmupSeconds != null ? warmupSeconds : quick ? QUICK_WARMUP_SECONDS : DEFAULT_WARMUP_SECONDS,
                WARMUP_USERS,
                WARMUP_DELAY_MS,
                heapMiB,
                gc,
                appCpus,
                requestTimeoutMs != null ? requestTimeoutMs : REQUEST_TIMEOUT_DELAYS * delay,
                gatlingHeapMiB);
    }

    /** The largest in-flight count (a multiple of 100) whose sockets fit the open-file limit. */
    static int fitting(long nofile) {
        if (nofile <= 0 || nofile == Long.MAX_VALUE) {
            return TARGET_IN_FLIGHT;
        }
        long perApp = (nofile - FD_RESERVE) / APP_SOCKETS_PER_REQUEST;
        return (int) Math.max(ROUND_TO, Math.min(TARGET_IN_FLIGHT, perApp / ROUND_TO * ROUND_TO));
    }
}
