package lab.app.core.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

/** HC5's pool with Reactor Netty's pending-acquire limit: one connection, one lease allowed to wait. */
class PendingLeaseLimitTest {

    private static final HttpRoute ROUTE = new HttpRoute(new HttpHost("127.0.0.1", 9));
    private static final Timeout LONG = Timeout.ofSeconds(30);

    @Test
    void aLeaseBeyondTheLimitFailsAtOnceAsALeaseTimeoutAndTheCountReturnsToZero() throws Exception {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(1)
                .setMaxConnPerRoute(1)
                .build();
        PendingLeaseLimit limited = new PendingLeaseLimit(pool, 1);
        try {
            ConnectionEndpoint held = limited.lease("held", ROUTE, LONG, null).get(LONG);
            CompletableFuture<ConnectionEndpoint> waiting =
                    CompletableFuture.supplyAsync(() -> lease(limited, "waiting"));
            await().until(() -> pool.getTotalStats().getPending() == 1);

            long start = System.nanoTime();
            assertThatThrownBy(() -> limited.lease("refused", ROUTE, LONG, null).get(LONG))
                    .isInstanceOf(TimeoutException.class)
                    .hasMessageContaining("pending lease limit of 1");
            assertThat(System.nanoTime() - start).as("refused without waiting").isLessThan(LONG.toNanoseconds() / 10);

            limited.release(held, null, TimeValue.ZERO_MILLISECONDS);
            limited.release(waiting.join(), null, TimeValue.ZERO_MILLISECONDS);
            assertThat(limited.pending()).isZero();
        } finally {
            limited.close(CloseMode.IMMEDIATE);
        }
    }

    private static ConnectionEndpoint lease(PendingLeaseLimit limited, String id) {
        try {
            return limited.lease(id, ROUTE, LONG, null).get(LONG);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
