package lab.app.error;

import jakarta.servlet.http.HttpServletRequest;
import lab.app.core.render.ProblemMapper;
import lab.app.core.render.ProblemRenderer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every exception raised while handling a request (including "no handler", 405, 406) becomes a catalogue problem. */
@RestControllerAdvice
class ApiExceptionHandler {

    private final ProblemMapper mapper;
    private final ProblemRenderer renderer;

    ApiExceptionHandler(ProblemMapper mapper, ProblemRenderer renderer) {
        this.mapper = mapper;
        this.renderer = renderer;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> handle(Exception failure, HttpServletRequest request) {
        return renderer.entity(mapper.toProblem(failure, request.getRequestURI()));
    }
}
