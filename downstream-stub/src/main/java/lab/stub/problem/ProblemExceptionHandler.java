package lab.stub.problem;

import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every error on the WebFlux side (admin, actuator, unknown paths) into the catalogue's
 * problem+json. Ordered before Boot's error handler (-1) so no default error JSON, exception
 * class or message ever reaches a client.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter writer;

    ProblemExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        String instance = exchange.getRequest().getPath().value();
        Problem problem =
                toProblem(ex, instance, exchange.getRequest().getMethod().name(), response.getHeaders());
        byte[] body = writer.toJson(problem);
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        response.getHeaders().set(HttpHeaders.CONTENT_TYPE, ProblemWriter.MEDIA_TYPE);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    private static Problem toProblem(Throwable ex, String instance, String method, HttpHeaders headers) {
        return switch (ex) {
            case InvalidParameterException e -> Problem.invalidParameter(e.parameter(), e.detail(), instance);
            case MethodNotAllowedException e -> {
                String allowed = e.getSupportedMethods().stream()
                        .map(Object::toString)
                        .sorted()
                        .collect(Collectors.joining(", "));
                headers.set(HttpHeaders.ALLOW, allowed);
                yield Problem.methodNotAllowed(method, allowed, instance);
            }
            case ServerWebInputException e ->
                Problem.invalidParameter(null, "the request body or parameters could not be read", instance);
            case ResponseStatusException e -> fromStatus(e.getStatusCode(), instance);
            default -> {
                log.error("Unexpected error answering {}", instance, ex);
                yield Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "the stub failed to answer", instance);
            }
        };
    }

    private static Problem fromStatus(HttpStatusCode code, String instance) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = switch (status) {
            case NOT_FOUND -> "no endpoint at this path";
            case NOT_ACCEPTABLE -> "Accept must allow application/json";
            case UNSUPPORTED_MEDIA_TYPE -> "Content-Type must be application/json";
            default -> status.getReasonPhrase().toLowerCase(Locale.ROOT);
        };
        return Problem.of(status, detail, instance);
    }
}
