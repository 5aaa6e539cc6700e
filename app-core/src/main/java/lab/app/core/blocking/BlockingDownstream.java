package lab.app.core.blocking;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import lab.app.core.downstream.DownstreamException;
import lab.app.core.downstream.DownstreamOutcome;
import lab.app.core.downstream.DownstreamPaths;
import lab.app.core.meters.LabMeters;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;

/** One downstream call through the blocking client: the calling thread waits for the whole call. */
@Component
public class BlockingDownstream {

    private final RestClient client;
    private final LabMeters meters;

    BlockingDownstream(RestClient blockingRestClient, LabMeters meters) {
        this.client = blockingRestClient;
        this.meters = meters;
    }

    /** @throws DownstreamException classified, when the call fails */
    public void call(int delayMs, int bytes) {
        try {
            // The body is read to the end so the connection goes back to the pool instead of being closed.
            client.get()
                    .uri(DownstreamPaths.DELAY_TEMPLATE, delayMs, bytes)
                    .retrieve()
                    .body(byte[].class);
        } catch (RuntimeException failure) {
            DownstreamOutcome outcome = classify(failure);
            meters.downstreamCall(outcome);
            throw new DownstreamException(outcome, failure);
        }
        meters.downstreamCall(DownstreamOutcome.SUCCESS);
    }

    static DownstreamOutcome classify(Throwable failure) {
        if (failure instanceof HttpServerErrorException) {
            return DownstreamOutcome.SERVER_ERROR;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Order matters: the pool-lease timeout is also an InterruptedIOException, like socket timeouts.
            if (cause instanceof ConnectionRequestTimeoutException) {
                return DownstreamOutcome.POOL_EXHAUSTED;
            }
            if (cause instanceof ConnectException) {
                return DownstreamOutcome.REFUSED;
            }
            if (cause instanceof SocketTimeoutException || cause instanceof ConnectTimeoutException) {
                return DownstreamOutcome.TIMEOUT;
            }
            if (cause instanceof NoHttpResponseException
                    || cause instanceof ConnectionClosedException
                    || cause instanceof SocketException) {
                return DownstreamOutcome.RESET;
            }
        }
        return DownstreamOutcome.OTHER;
    }
}
