package lab.app.api;

import jakarta.servlet.http.HttpServletRequest;
import lab.app.core.blocking.BlockingDownstream;
import lab.app.core.cpu.CpuWork;
import lab.app.core.request.ApiRequest;
import lab.app.core.request.Endpoint;
import lab.app.core.request.RequestParser;
import lab.app.core.result.ApiResult;
import lab.app.core.result.AppIdentity;
import lab.app.downstream.FanOut;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The four endpoints of docs/contract.md. Parameters are parsed from the raw query by app-core, so
 * both apps accept and refuse exactly the same requests. Blocking: the request thread waits.
 */
@RestController
class ApiController {

    private final AppIdentity identity;
    private final RequestParser parser;
    private final BlockingDownstream downstream;
    private final FanOut fanOut;

    ApiController(AppIdentity identity, RequestParser parser, BlockingDownstream downstream, FanOut fanOut) {
        this.identity = identity;
        this.parser = parser;
        this.downstream = downstream;
        this.fanOut = fanOut;
    }

    @GetMapping(path = "/api/io", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiResult io(HttpServletRequest request) {
        long start = System.nanoTime();
        ApiRequest params = parser.parse(Endpoint.IO, request.getQueryString());
        downstream.call(params.delayMs(), params.bytes());
        return identity.result(1, params.delayMs(), start);
    }

    @GetMapping(path = "/api/fanout", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiResult fanout(HttpServletRequest request) {
        long start = System.nanoTime();
        ApiRequest params = parser.parse(Endpoint.FANOUT, request.getQueryString());
        fanOut.callAll(params.calls(), params.delayMs(), params.bytes(), Endpoint.FANOUT.path());
        return identity.result(params.calls(), params.delayMs(), start);
    }

    @GetMapping(path = "/api/cpu", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiResult cpu(HttpServletRequest request) {
        long start = System.nanoTime();
        ApiRequest params = parser.parse(Endpoint.CPU, request.getQueryString());
        CpuWork.sha256Chain(params.rounds());
        return identity.result(0, 0, start);
    }

    /** In this app the same as /api/io: blocking is the model here, not an anti-pattern. */
    @GetMapping(path = "/api/blocking-io", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiResult blockingIo(HttpServletRequest request) {
        long start = System.nanoTime();
        ApiRequest params = parser.parse(Endpoint.BLOCKING_IO, request.getQueryString());
        downstream.call(params.delayMs(), params.bytes());
        return identity.result(1, params.delayMs(), start);
    }

    /** In this app the same as /api/io: there is no event loop to move a blocking call off. */
    @GetMapping(path = "/api/offloaded-io", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiResult offloadedIo(HttpServletRequest request) {
        long start = System.nanoTime();
        ApiRequest params = parser.parse(Endpoint.OFFLOADED_IO, request.getQueryString());
        downstream.call(params.delayMs(), params.bytes());
        return identity.result(1, params.delayMs(), start);
    }
}
