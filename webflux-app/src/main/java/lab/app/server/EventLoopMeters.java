package lab.app.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * {@code reactor.netty.eventloop.pending.tasks{name=<thread>}}, the event loop's backlog. Reactor
 * Netty registers this gauge only on a server or client with its per-request meters on; with them
 * off ({@code lab.netty.request-meters=false}) this registers the same gauge itself.
 */
final class EventLoopMeters implements MeterBinder {

    static final String PENDING_TASKS = "reactor.netty.eventloop.pending.tasks";

    private final ReactorResourceFactory resources;

    EventLoopMeters(ReactorResourceFactory resources) {
        this.resources = resources;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (SingleThreadEventExecutor loop : loops(resources.getLoopResources().onServer(true))) {
            Gauge.builder(PENDING_TASKS, loop, SingleThreadEventExecutor::pendingTasks)
                    .description("Event loop tasks pending to be executed")
                    .tag("name", loop.threadProperties().name())
                    .register(registry);
        }
    }

    private static List<SingleThreadEventExecutor> loops(EventLoopGroup group) {
        List<SingleThreadEventExecutor> loops = new ArrayList<>();
        for (EventExecutor executor : group) {
            if (executor instanceof SingleThreadEventExecutor loop) {
                loops.add(loop);
            }
        }
        return loops;
    }
}
