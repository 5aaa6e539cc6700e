package lab.app.guard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lab.app.core.meters.OverloadGuard;
import lab.app.core.problem.Problem;
import lab.app.core.problem.ProblemType;
import lab.app.core.request.Endpoint;
import lab.app.core.settings.LabProperties;
import lab.app.error.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The cheap refusals, before any handler runs: query too long (414), wrong method on an endpoint
 * (405), a request body (413: the endpoints take none), too many requests in progress (503). Ordered just inside the observation filter so that
 * refused requests still appear in http.server.requests.
 *
 * <p>Requests still waiting for a Tomcat thread are not "in the app" yet: that queue is bounded by
 * server.tomcat.max-connections and accept-count, not by this filter.
 */
@Component
@Order(ApiGuardFilter.ORDER)
class ApiGuardFilter extends OncePerRequestFilter {

    /** Right after Boot's ServerHttpObservationFilter (HIGHEST_PRECEDENCE + 1). */
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
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        if (query != null && query.length() > maxQueryLength) {
            refuse(response, Problem.uriTooLong(path, maxQueryLength));
            return;
        }
        if (!Endpoint.isApi(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (Endpoint.forPath(path).isPresent() && !Endpoint.isAllowedMethod(request.getMethod())) {
            refuse(response, ProblemType.METHOD_NOT_ALLOWED.at(path));
            return;
        }
        if (hasBody(request)) {
            refuse(response, ProblemType.CONTENT_TOO_LARGE.at(path));
            return;
        }
        if (!guard.tryEnter()) {
            refuse(response, ProblemType.OVERLOADED.at(path));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            guard.exit();
        }
    }

    /** The endpoints take no body: refusing it up front keeps a 1 MiB upload from tying up a thread. */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private void refuse(HttpServletResponse response, Problem problem) throws IOException {
        writer.write(response, problem);
    }
}
