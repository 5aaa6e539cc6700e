package lab.app.error;

import lab.app.core.problem.Problem;
import lab.app.core.render.ProblemRenderer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes a problem straight to the response, for refusals made before any handler runs. */
@Component
public class ProblemWriter {

    private final ProblemRenderer renderer;

    ProblemWriter(ProblemRenderer renderer) {
        this.renderer = renderer;
    }

    public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(problem.status()));
        response.getHeaders().putAll(renderer.headers(problem));
        byte[] body = renderer.body(problem);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
