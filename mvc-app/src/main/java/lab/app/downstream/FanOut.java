package lab.app.downstream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import lab.app.core.blocking.BlockingDownstream;
import lab.app.core.problem.ProblemException;
import lab.app.core.problem.ProblemType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;

/**
 * {@code calls} blocking downstream calls in parallel. Each call needs a thread of its own for its
 * whole duration: the request thread waits while {@code calls} executor threads wait on the stub.
 * The executor is Boot's {@code applicationTaskExecutor} (bounded, spring.task.execution.*), which
 * Boot turns into one virtual thread per task under spring.threads.virtual.enabled.
 */
@Component
public class FanOut {

    private final AsyncTaskExecutor executor;
    private final BlockingDownstream downstream;

    FanOut(@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor, BlockingDownstream downstream) {
        this.executor = executor;
        this.downstream = downstream;
    }

    /** @throws ProblemException overloaded when the executor is full; DownstreamException when a call fails */
    public void callAll(int calls, int delayMs, int bytes, String instance) {
        List<CompletableFuture<Void>> pending = new ArrayList<>(calls);
        try {
            for (int call = 0; call < calls; call++) {
                pending.add(CompletableFuture.runAsync(() -> downstream.call(delayMs, bytes), executor));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        } catch (TaskRejectedException full) {
            throw new ProblemException(ProblemType.OVERLOADED.at(instance));
        } catch (CompletionException failed) {
            // The first failure decides the answer, as with Flux.merge in the WebFlux app.
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        } finally {
            // Calls still running keep their threads until they end; nobody waits for them any more.
            pending.forEach(call -> call.cancel(false));
        }
    }
}
