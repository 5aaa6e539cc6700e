package lab.app.downstream;

import java.util.List;
import java.util.stream.IntStream;
import lab.app.core.downstream.DownstreamException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code calls} non-blocking downstream calls in parallel: {@code calls} requests in flight on the
 * event loop, no thread per call. The first failure cancels the others.
 */
@Component
public class FanOut {

    private final ReactiveDownstream downstream;

    FanOut(ReactiveDownstream downstream) {
        this.downstream = downstream;
    }

    /** Completes when every call has; fails with the first {@link DownstreamException}. */
    public Mono<Void> callAll(int calls, int delayMs, int bytes) {
        List<Mono<Void>> all = IntStream.range(0, calls)
                .mapToObj(call -> downstream.call(delayMs, bytes))
                .toList();
        return Flux.merge(all).then();
    }
}
