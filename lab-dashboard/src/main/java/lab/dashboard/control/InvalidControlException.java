package lab.dashboard.control;

/** A control value that is missing, of the wrong type or out of range: a 400 naming the member. */
final class InvalidControlException extends RuntimeException {

    private final String parameter;

    InvalidControlException(String parameter, String detail) {
        super(detail, null, false, false);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
