package lab.app.server;

import java.io.IOException;
import lab.app.core.problem.Problem;
import lab.app.core.problem.ProblemType;
import lab.app.core.render.ProblemRenderer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error pages (requests it refuses before Spring sees them, e.g. a malformed
 * percent-escape in the path or an illegal character in the query) as catalogue problems instead
 * of Tomcat's HTML page.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private static final String ROOT = "/";

    private final ProblemRenderer renderer;

    ProblemErrorReportValve(ProblemRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // The same guards as Tomcat's own report: only errors, only if nothing was written yet, only once.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String uri = request.getRequestURI();
        Problem problem = ProblemType.forStatus(status).at(uri == null || uri.isEmpty() ? ROOT : uri);
        try {
            byte[] body = renderer.body(problem);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException ignored) {
            // The client is gone or the response is closed: nothing more to say.
        }
    }
}
