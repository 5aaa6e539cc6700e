package lab.app.error;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lab.app.core.problem.Problem;
import lab.app.core.render.ProblemRenderer;
import org.springframework.stereotype.Component;

/** Writes a problem straight to the response, for refusals made before any handler runs. */
@Component
public class ProblemWriter {

    private final ProblemRenderer renderer;

    ProblemWriter(ProblemRenderer renderer) {
        this.renderer = renderer;
    }

    public void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        renderer.headers(problem).forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        byte[] body = renderer.body(problem);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
