package lab.app.downstream;

import io.netty.resolver.AddressResolverGroup;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.TransportConfig;

/**
 * At most {@code maxPending} acquires in progress on the pool; one more fails at once with
 * {@link PendingLimitExceeded}. The same limit, counted the same way, as mvc-app's HttpClient 5 pool
 * gets from app-core's {@code PendingLeaseLimit} ({@code lab.downstream.pending-acquire-max}).
 * Reactor Netty has such a limit of its own, but it fails with a class of its internal (shaded)
 * reactor-pool, which only internal API can recognise; so the pool below runs without one.
 */
final class PendingAcquireLimit implements ConnectionProvider {

    private final ConnectionProvider pool;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();

    PendingAcquireLimit(ConnectionProvider pool, int maxPending) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1, got " + maxPending);
        }
        this.pool = pool;
        this.maxPending = maxPending;
    }

    /** Acquires asked for and not yet answered. */
    int pending() {
        return pending.get();
    }

    @Override
    public Mono<? extends Connection> acquire(
            TransportConfig config,
            ConnectionObserver observer,
            Supplier<? extends SocketAddress> remoteAddress,
            AddressResolverGroup<?> resolverGroup) {
        return Mono.defer(() -> {
            if (pending.incrementAndGet() > maxPending) {
                pending.decrementAndGet();
                return Mono.error(new PendingLimitExceeded(maxPending));
            }
            AtomicBoolean settled = new AtomicBoolean();
            Runnable settle = () -> {
                if (settled.compareAndSet(false, true)) {
                    pending.decrementAndGet();
                }
            };
            return pool.acquire(config, observer, remoteAddress, resolverGroup)
                    .doOnNext(connection -> settle.run())
                    .doFinally(signal -> settle.run());
        });
    }

    @Override
    public void disposeWhen(SocketAddress address) {
        pool.disposeWhen(address);
    }

    @Override
    public Mono<Void> disposeLater() {
        return pool.disposeLater();
    }

    @Override
    public void dispose() {
        pool.dispose();
    }

    @Override
    public boolean isDisposed() {
        return pool.isDisposed();
    }

    @Override
    public int maxConnections() {
        return pool.maxConnections();
    }

    @Override
    public Map<SocketAddress, Integer> maxConnectionsPerHost() {
        return pool.maxConnectionsPerHost();
    }

    @Override
    public Builder mutate() {
        return pool.mutate();
    }

    @Override
    public String name() {
        return pool.name();
    }

    /** More acquires waiting for a pooled connection than {@code lab.downstream.pending-acquire-max}. */
    static final class PendingLimitExceeded extends RuntimeException {

        PendingLimitExceeded(int maxPending) {
            super("pending acquire limit of " + maxPending + " reached", null, false, false);
        }
    }
}
