package lab.app.core.downstream;

import lab.app.core.problem.Problem;

/** A failed downstream call, already classified; rendered as the outcome's catalogue problem. */
public class DownstreamException extends RuntimeException {

    private final DownstreamOutcome outcome;

    public DownstreamException(DownstreamOutcome outcome, Throwable cause) {
        super(outcome.tag(), cause);
        this.outcome = outcome;
    }

    public DownstreamOutcome outcome() {
        return outcome;
    }

    public Problem problem(String instance) {
        return outcome.problem().at(instance);
    }
}
