package lab.app.error;

import lab.app.core.render.ProblemMapper;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Failures that escape the handlers and the controller advice (e.g. raised by the framework before
 * a handler is chosen) rendered from the catalogue instead of Boot's default JSON error body.
 * Replaces Boot's DefaultErrorWebExceptionHandler, which backs off when this bean exists.
 */
@Component
@Order(LabErrorWebExceptionHandler.ORDER)
class LabErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    /** Before Spring's WebFluxResponseStatusExceptionHandler (0), like Boot's own handler (-1). */
    static final int ORDER = -2;

    private final ProblemMapper mapper;
    private final ProblemWriter writer;

    LabErrorWebExceptionHandler(ProblemMapper mapper, ProblemWriter writer) {
        this.mapper = mapper;
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            // Too late for a body: let the server close the connection.
            return Mono.error(failure);
        }
        return writer.write(
                exchange,
                mapper.toProblem(failure, exchange.getRequest().getURI().getRawPath()));
    }
}
