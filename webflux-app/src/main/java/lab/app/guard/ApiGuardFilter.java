package lab.app.guard;

import lab.app.core.meters.OverloadGuard;
import lab.app.core.problem.Problem;
import lab.app.core.problem.ProblemType;
import lab.app.core.request.Endpoint;
import lab.app.core.settings.LabProperties;
import lab.app.error.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The cheap refusals, before any handler runs: query too long (414), wrong method on an endpoint
 * (405), a request body (413: the endpoints take none), too many requests in progress (503). WebFlux observes requests around all web filters, so
 * refused requests still appear in http.server.requests.
 *
 * <p>A request is "in progress" from here until its response completes or is cancelled, whichever
 * thread that happens on.
 */
@Component
@Order(ApiGuardFilter.ORDER)
class ApiGuardFilter implements WebFilter {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    private final OverloadGuard guard;
    private final ProblemWriter writer;
    private final int maxQueryLength;

    ApiGuardFilter(OverloadGuard guard, ProblemWriter writer, LabProperties properties) {
        this.guard = guard;
        this.writer = writer;
        this.maxQueryLength = properties.limits().maxQueryLength();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getURI().getRawPath();
        String query = request.getURI().getRawQuery();
        if (query != null && query.length() > maxQueryLength) {
            return writer.write(exchange, Problem.uriTooLong(path, maxQueryLength));
        }
        if (!Endpoint.isApi(path)) {
            return chain.filter(exchange);
        }
        if (Endpoint.forPath(path).isPresent()
                && !Endpoint.isAllowedMethod(request.getMethod().name())) {
            return writer.write(exchange, ProblemType.METHOD_NOT_ALLOWED.at(path));
        }
        if (hasBody(request)) {
            return writer.write(exchange, ProblemType.CONTENT_TOO_LARGE.at(path));
        }
        if (!guard.tryEnter()) {
            return writer.write(exchange, ProblemType.OVERLOADED.at(path));
        }
        return Mono.defer(() -> chain.filter(exchange)).doFinally(signal -> guard.exit());
    }

    /** The endpoints take no body: refusing it up front keeps a 1 MiB upload off the event loop. */
    private static boolean hasBody(ServerHttpRequest request) {
        return request.getHeaders().getContentLength() > 0
                || request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }
}
