package lab.app.api;

import lab.app.core.blocking.BlockingDownstream;
import lab.app.core.cpu.CpuWork;
import lab.app.core.request.ApiRequest;
import lab.app.core.request.Endpoint;
import lab.app.core.request.RequestParser;
import lab.app.core.result.ApiResult;
import lab.app.core.result.AppIdentity;
import lab.app.downstream.FanOut;
import lab.app.downstream.ReactiveDownstream;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The endpoints of docs/contract.md. Parameters are parsed from the raw query by app-core, so
 * both apps accept and refuse exactly the same requests. Handlers run on the event loop and must
 * not block it, except /api/blocking-io, which does so on purpose (and /api/offloaded-io, its usual
 * fix, moves the same call to another scheduler).
 */
@RestController
class ApiController {

    private final AppIdentity identity;
    private final RequestParser parser;
    private final ReactiveDownstream downstream;
    private final BlockingDownstream blockingDownstream;
    private final FanOut fanOut;

    ApiController(
            AppIdentity identity,
            RequestParser parser,
            ReactiveDownstream downstream,
            BlockingDownstream blockingDownstream,
            FanOut fanOut) {
        this.identity = identity;
        this.parser = parser;
        this.downstream = downstream;
        this.blockingDownstream = blockingDownstream;
        this.fanOut = fanOut;
    }

    @GetMapping(path = "/api/io", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResult> io(ServerHttpRequest request) {
        long start = System.nanoTime();
        ApiRequest params = parser.parse(Endpoint.IO, request.getURI().getRawQuery());
        return downstream
                .call(params.delayMs(), params.bytes())
                .then(Mono.fromSupplier(() -> identity.result(1, params.delayMs(), start)));
    }

    @GetMapping(path = "/api/fanout", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResult> fanout(ServerHttpRequest request) {
        long start = System.nanoTime();
        ApiRequest params = parser.parse(Endpoint.FANOUT, request.getURI().getRawQuery());
        return fanOut.callAll(params.calls(), params.delayMs(), params.bytes())
                .then(Mono.fromSupplier(() -> identity.result(params.calls(), params.delayMs(), start)));
    }

    /** CPU work on the event loop, like MVC does it on its request thread: reactive buys nothing here. */
    @GetMapping(path = "/api/cpu", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResult> cpu(ServerHttpRequest request) {
        long start = System.nanoTime();
        ApiRequest params = parser.parse(Endpoint.CPU, request.getURI().getRawQuery());
        CpuWork.sha256Chain(params.rounds());
        return Mono.just(identity.result(0, 0, start));
    }

    /**
     * The anti-pattern, on purpose: a blocking RestClient call made right here on the event loop
     * thread, which then serves nobody else until the stub answers. Not offloaded to another
     * scheduler because showing what this costs is the point. (Mono.block() would be refused by
     * Reactor on a non-blocking thread; a blocking HTTP client is not, which is why this mistake
     * survives in real code.)
     */
    @GetMapping(path = "/api/blocking-io", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResult> blockingIo(ServerHttpRequest request) {
        long start = System.nanoTime();
        ApiRequest params = parser.parse(Endpoint.BLOCKING_IO, request.getURI().getRawQuery());
        blockingDownstream.call(params.delayMs(), params.bytes());
        return Mono.just(identity.result(1, params.delayMs(), start));
    }

    /**
     * The usual fix for the above: the same blocking call, moved off the event loop onto Reactor's
     * bounded elastic scheduler (10 threads per CPU by default). The event loop stays free, but the
     * scheduler's threads are a pool again: each holds a request for the whole downstream wait.
     */
    @GetMapping(path = "/api/offloaded-io", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResult> offloadedIo(ServerHttpRequest request) {
        long start = System.nanoTime();
        ApiRequest params = parser.parse(Endpoint.OFFLOADED_IO, request.getURI().getRawQuery());
        return Mono.fromRunnable(() -> blockingDownstream.call(params.delayMs(), params.bytes()))
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.fromSupplier(() -> identity.result(1, params.delayMs(), start)));
    }
}
