package lab.runner;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import lab.runrecord.ScenarioSpec;
import lab.scenario.Overrides;

/**
 * c10k holds as many requests in flight as the open-file limit allows: each costs the app two
 * sockets (the client's and its own call to the stub), and every process needs a few hundred
 * descriptors of its own. Asking for more is lowered to what fits, and the run says so.
 */
final class C10kFit {

    static final int FD_RESERVE = 500;
    static final int APP_SOCKETS_PER_REQUEST = 2;
    static final int ROUND_TO = 100;

    private C10kFit() {}

    static ScenarioSpec fit(ScenarioSpec s, long nofile, PrintStream out) {
        if (!"c10k".equals(s.load().kind())) {
            return s;
        }
        int wanted = s.load().users().getFirst();
        int fits = fitting(nofile, wanted);
        if (fits >= wanted) {
            return s;
        }
        out.printf(
                Locale.ROOT,
                "c10k: %,d in flight instead of %,d: ulimit -n is %d and the app needs %d sockets per request + %d;"
                        + " raise it with ulimit -n for the full figure%n",
                fits,
                wanted,
                nofile,
                APP_SOCKETS_PER_REQUEST,
                FD_RESERVE);
        return Overrides.withUsers(s, List.of(fits));
    }

    /** The largest in-flight count (a multiple of 100, at most {@code wanted}) whose sockets fit the limit. */
    static int fitting(long nofile, int wanted) {
        if (nofile <= 0 || nofile == Long.MAX_VALUE) {
            return wanted;
        }
        long perApp = (nofile - FD_RESERVE) / APP_SOCKETS_PER_REQUEST;
        return (int) Math.max(ROUND_TO, Math.min(wanted, perApp / ROUND_TO * ROUND_TO));
    }
}
