package lab.app.core.render;

import lab.app.core.downstream.DownstreamException;
import lab.app.core.problem.Problem;
import lab.app.core.problem.ProblemException;
import lab.app.core.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

/** Any exception to its catalogue problem; the exception itself stays in the log, never in the body. */
@Component
public class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

    public Problem toProblem(Throwable failure, String instance) {
        if (failure instanceof ProblemException problem) {
            return problem.problem();
        }
        if (failure instanceof DownstreamException downstream) {
            return downstream.problem(instance);
        }
        if (failure instanceof TaskRejectedException) {
            return ProblemType.OVERLOADED.at(instance);
        }
        if (failure instanceof ErrorResponse framework) {
            // The framework's own 404/405/406/400...: keep its status, use the catalogue's words.
            return ProblemType.forStatus(framework.getStatusCode().value()).at(instance);
        }
        log.error("Unexpected failure answering {}", instance, failure);
        return ProblemType.INTERNAL_ERROR.at(instance);
    }
}
