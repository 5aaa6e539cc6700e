package lab.app.core.problem;

/** Carries a catalogue problem from where it is detected to the app's error rendering. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.type(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
