package lab.stub.delay;

import java.util.Locale;

/** Ways to not answer: the {@code fault} parameter of {@code /delay}. */
enum Fault {
    /** TCP RST: SO_LINGER 0, then close. Clients see "connection reset". */
    RESET,
    /** FIN without a response: clients see a premature end of stream. */
    CLOSE,
    /** No answer at all until {@code stub.limits.max-hang}, then close. */
    HANG;

    static final String CHOICES = "reset, close, hang";

    static Fault parse(String value) {
        for (Fault fault : values()) {
            if (fault.name().toLowerCase(Locale.ROOT).equals(value)) {
                return fault;
            }
        }
        return null;
    }
}
