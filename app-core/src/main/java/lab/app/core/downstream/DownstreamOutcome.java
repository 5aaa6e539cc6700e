package lab.app.core.downstream;

import lab.app.core.problem.ProblemType;

/**
 * How one downstream call ended: the {@code outcome} tag of {@code lab.downstream.calls} and the
 * problem the request gets. Each app maps its own client's exceptions onto these.
 */
public enum DownstreamOutcome {
    SUCCESS("success", null),
    TIMEOUT("timeout", ProblemType.DOWNSTREAM_TIMEOUT),
    REFUSED("refused", ProblemType.DOWNSTREAM_FAILED),
    RESET("reset", ProblemType.DOWNSTREAM_FAILED),
    SERVER_ERROR("server_error", ProblemType.DOWNSTREAM_FAILED),
    /** The app's own client pool had no connection for this call in time: the app is over capacity, not the stub. */
    POOL_EXHAUSTED("pool_exhausted", ProblemType.OVERLOADED),
    OTHER("other", ProblemType.DOWNSTREAM_FAILED);

    private final String tag;
    private final ProblemType problem;

    DownstreamOutcome(String tag, ProblemType problem) {
        this.tag = tag;
        this.problem = problem;
    }

    public String tag() {
        return tag;
    }

    public ProblemType problem() {
        return problem;
    }
}
