package lab.dashboard.control;

import java.util.stream.Collectors;
import lab.dashboard.stub.StubException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error becomes a problem+json answer, like the apps': ordered before Boot's own error
 * handler so no default error page, exception class or stack trace reaches a client.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final JsonMapper json;

    ProblemExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        String instance = exchange.getRequest().getPath().value();
        Problem problem = toProblem(ex, instance, response.getHeaders());
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatusCode(HttpStatus.valueOf(problem.status()));
        response.getHeaders().set(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    private static Problem toProblem(Throwable ex, String instance, HttpHeaders headers) {
        return switch (ex) {
            case InvalidControlException e -> Problem.invalidParameter(e.parameter(), e.getMessage(), instance);
            case UnknownTargetException e ->
                Problem.of("unknown-target", HttpStatus.NOT_FOUND, e.getMessage(), instance);
            case StubException e -> fromStub(e, instance);
            case MethodNotAllowedException e -> {
                String allowed = e.getSupportedMethods().stream()
                        .map(Object::toString)
                        .sorted()
                        .collect(Collectors.joining(", "));
                headers.set(HttpHeaders.ALLOW, allowed);
                yield Problem.of(
                        "method-not-allowed",
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "only " + allowed + " are allowed here",
                        instance);
            }
            case ServerWebInputException e ->
                Problem.invalidParameter(null, "the request body or parameters could not be read", instance);
            case ResponseStatusException e ->
                fromStatus(HttpStatus.resolve(e.getStatusCode().value()), instance);
            default -> {
                log.error("Unexpected error answering {}", instance, ex);
                yield Problem.of(
                        "internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "the dashboard failed to answer", instance);
            }
        };
    }

    private static Problem fromStub(StubException e, String instance) {
        return switch (e.kind()) {
            case NOT_CONFIGURED, ADMIN_OFF ->
                Problem.of("no-fault-control", HttpStatus.CONFLICT, e.getMessage(), instance);
            case REFUSED -> Problem.invalidParameter(null, e.getMessage(), instance);
            case FAILED, UNREACHABLE -> Problem.of("stub-failed", HttpStatus.BAD_GATEWAY, e.getMessage(), instance);
        };
    }

    private static Problem fromStatus(HttpStatus status, String instance) {
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        String detail = switch (status) {
            case NOT_FOUND -> "no such page or endpoint";
            case UNSUPPORTED_MEDIA_TYPE -> "send the body as Content-Type: application/json";
            case NOT_ACCEPTABLE -> "this endpoint answers application/json or text/event-stream only";
            default -> status.getReasonPhrase();
        };
        String type = switch (status) {
            case NOT_FOUND -> "not-found";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case NOT_ACCEPTABLE -> "not-acceptable";
            default -> "http-" + status.value();
        };
        return Problem.of(type, status, detail, instance);
    }
}
