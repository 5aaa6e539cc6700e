package lab.app.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import lab.app.core.problem.Problem;
import lab.app.core.problem.ProblemType;
import lab.app.core.render.ProblemMapper;
import lab.app.core.render.ProblemRenderer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors the container itself decided (Tomcat's error page dispatch, e.g. a failure outside
 * Spring MVC) rendered from the catalogue instead of Boot's whitelabel/JSON error body.
 */
@RestController
class LabErrorController implements ErrorController {

    static final String ERROR_PATH = "/error";

    private final ProblemMapper mapper;
    private final ProblemRenderer renderer;

    LabErrorController(ProblemMapper mapper, ProblemRenderer renderer) {
        this.mapper = mapper;
        this.renderer = renderer;
    }

    @RequestMapping(ERROR_PATH)
    ResponseEntity<byte[]> error(HttpServletRequest request) {
        String instance =
                request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : ERROR_PATH;
        Problem problem;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            problem = mapper.toProblem(failure, instance);
        } else if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status) {
            problem = ProblemType.forStatus(status).at(instance);
        } else {
            // Someone asked for /error directly: there is no such endpoint.
            problem = ProblemType.NOT_FOUND.at(instance);
        }
        return renderer.entity(problem);
    }
}
