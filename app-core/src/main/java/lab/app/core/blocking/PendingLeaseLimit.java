package lab.app.core.blocking;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.io.LeaseRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * HttpClient 5's pool queues lease requests without a bound; Reactor Netty's refuses an acquire
 * once {@code pendingAcquireMax} are waiting. This gives HC5 the same limit
 * ({@code lab.downstream.pending-acquire-max}), so both apps shed the same load at the same point:
 * a lease beyond it fails at once, as a lease timeout does ({@code ConnectionRequestTimeoutException}
 * → {@code pool_exhausted} → 503).
 *
 * <p>It counts leases from request to answer, including those the pool satisfies at once (a few
 * microseconds each): at the limit the pool is exhausted and every lease waits, so the two counts agree.
 */
final class PendingLeaseLimit implements HttpClientConnectionManager {

    private final HttpClientConnectionManager pool;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();

    PendingLeaseLimit(HttpClientConnectionManager pool, int maxPending) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1, got " + maxPending);
        }
        this.pool = pool;
        this.maxPending = maxPending;
    }

    /** Leases asked for and not yet answered. */
    int pending() {
        return pending.get();
    }

    @Override
    public LeaseRequest lease(String id, HttpRoute route, Timeout requestTimeout, Object state) {
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            return new Refused();
        }
        return new Counted(pool.lease(id, route, requestTimeout, state));
    }

    @Override
    public void release(ConnectionEndpoint endpoint, Object newState, TimeValue validDuration) {
        pool.release(endpoint, newState, validDuration);
    }

    @Override
    public void connect(ConnectionEndpoint endpoint, TimeValue connectTimeout, HttpContext context) throws IOException {
        pool.connect(endpoint, connectTimeout, context);
    }

    @Override
    public void upgrade(ConnectionEndpoint endpoint, HttpContext context) throws IOException {
        pool.upgrade(endpoint, context);
    }

    @Override
    public void close(CloseMode closeMode) {
        pool.close(closeMode);
    }

    @Override
    public void close() throws IOException {
        pool.close();
    }

    /** Over the limit: fails as a lease timeout does, without waiting. */
    private final class Refused implements LeaseRequest {

        @Override
        public ConnectionEndpoint get(Timeout timeout) throws TimeoutException {
            throw new TimeoutException("pending lease limit of " + maxPending + " reached");
        }

        @Override
        public boolean cancel() {
            return false;
        }
    }

    /** Counts as pending until answered, failed or cancelled, once. */
    private final class Counted implements LeaseRequest {

        private final LeaseRequest lease;
        private final AtomicInteger settled = new AtomicInteger();

        Counted(LeaseRequest lease) {
            this.lease = lease;
        }

        @Override
        public ConnectionEndpoint get(Timeout timeout)
                throws InterruptedException, ExecutionException, TimeoutException {
            try {
                return lease.get(timeout);
            } finally {
                settle();
            }
        }

        @Override
        public boolean cancel() {
            settle();
            return lease.cancel();
        }

        private void settle() {
            if (settled.getAndIncrement() == 0) {
                pending.decrementAndGet();
            }
        }
    }
}
