package lab.stub.problem;

/**
 * Bad client input, named after the offending parameter. Stackless: it is control flow for
 * a 400 answer, thrown on the hot path by malformed load, and its trace would never be shown.
 */
public final class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String detail) {
        super(detail, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public String detail() {
        return getMessage();
    }
}
