package lab.stub.delay;

/**
 * One validated {@code /delay} request.
 *
 * @param status the status asked for, or {@link #NO_STATUS}
 * @param fault  the fault asked for, or null
 */
record DelayParameters(long ms, int bytes, long jitterMs, int status, Fault fault) {

    static final int NO_STATUS = 0;
}
