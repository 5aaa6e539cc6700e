package lab.runner.model;

/** Whether a step counts, and if not, why (several reasons joined with "; "). */
public record Verdict(boolean valid, String invalidReason) {

    public static final Verdict VALID = new Verdict(true, null);
}
