package lab.app.downstream;

import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import lab.app.core.downstream.DownstreamException;
import lab.app.core.downstream.DownstreamOutcome;
import lab.app.core.downstream.DownstreamPaths;
import lab.app.core.meters.LabMeters;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

/** One downstream call through WebClient: no thread waits, the event loop resumes the request when the answer arrives. */
@Component
public class ReactiveDownstream {

    private final WebClient client;
    private final LabMeters meters;

    ReactiveDownstream(WebClient downstreamWebClient, LabMeters meters) {
        this.client = downstreamWebClient;
        this.meters = meters;
    }

    /** Completes when the whole body has arrived; fails with a classified DownstreamException. */
    public Mono<Void> call(int delayMs, int bytes) {
        return client.get()
                .uri(DownstreamPaths.DELAY_TEMPLATE, delayMs, bytes)
                .retrieve()
                // Read the body to the end so the connection returns to the pool.
                .bodyToMono(byte[].class)
                .doOnSuccess(body -> meters.downstreamCall(DownstreamOutcome.SUCCESS))
                .onErrorMap(failure -> !(failure instanceof DownstreamException), failure -> {
                    DownstreamOutcome outcome = classify(failure);
                    meters.downstreamCall(outcome);
                    return new DownstreamException(outcome, failure);
                })
                .then();
    }

    static DownstreamOutcome classify(Throwable failure) {
        if (failure instanceof WebClientResponseException response) {
            return response.getStatusCode().is5xxServerError()
                    ? DownstreamOutcome.SERVER_ERROR
                    : DownstreamOutcome.OTHER;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // The pool's acquire timeout is this client's only java.util.concurrent.TimeoutException:
            // read and connect timeouts are Netty's own (ReadTimeoutException, ConnectTimeoutException).
            if (cause instanceof PendingAcquireLimit.PendingLimitExceeded || cause instanceof TimeoutException) {
                return DownstreamOutcome.POOL_EXHAUSTED;
            }
            if (cause instanceof ConnectException) {
                return DownstreamOutcome.REFUSED;
            }
            if (cause instanceof ReadTimeoutException
                    || cause instanceof io.netty.channel.ConnectTimeoutException
                    || cause instanceof SocketTimeoutException) {
                return DownstreamOutcome.TIMEOUT;
            }
            // With the native epoll transport a reset arrives as a plain IOException ("Connection reset by peer").
            if (cause instanceof PrematureCloseException
                    || cause instanceof AbortedException
                    || cause instanceof SocketException
                    || cause instanceof IOException) {
                return DownstreamOutcome.RESET;
            }
        }
        return DownstreamOutcome.OTHER;
    }
}
