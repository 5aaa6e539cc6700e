package lab.dashboard.stub;

/** A fault control could not be carried out by the stub; {@link Kind} decides the answer's status. */
public final class StubException extends RuntimeException {

    public enum Kind {
        /** the dashboard was started without a stub: 409 */
        NOT_CONFIGURED,
        /** the stub's admin endpoint is off: 409 */
        ADMIN_OFF,
        /** the stub refused the mix (400): 400 */
        REFUSED,
        /** the stub answered another error: 502 */
        FAILED,
        /** the stub did not answer: 502 */
        UNREACHABLE
    }

    private final Kind kind;

    StubException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
