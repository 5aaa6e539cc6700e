package lab.app.core.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import lab.app.core.downstream.DownstreamException;
import lab.app.core.downstream.DownstreamOutcome;
import lab.app.core.meters.LabMeters;
import lab.app.core.settings.LabProperties;
import lab.contract.kit.DownstreamStub;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The blocking client as configured for the app, against real sockets: refused connections and an exhausted pool. */
class BlockingDownstreamTest {

    private static final Duration SHORT = Duration.ofMillis(300);

    private final BlockingClientConfiguration configuration = new BlockingClientConfiguration();
    private PoolingHttpClientConnectionManager connectionManager;
    private CloseableHttpClient httpClient;

    @AfterEach
    void close() throws IOException {
        httpClient.close();
        connectionManager.close();
    }

    @Test
    void closedPortIsRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BlockingDownstream downstream = downstream("http://127.0.0.1:" + closedPort, 1);

        DownstreamException failure = catchThrowableOfType(DownstreamException.class, () -> downstream.call(0, 0));

        assertThat(failure.outcome()).isEqualTo(DownstreamOutcome.REFUSED);
    }

    @Test
    void waitingLongerThanThePendingAcquireTimeoutForAPooledConnectionIsPoolExhaustion() {
        BlockingDownstream downstream = downstream(DownstreamStub.shared().baseUrl(), 1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> downstream.call(2000, 0));
        org.awaitility.Awaitility.await()
                .until(() -> connectionManager.getTotalStats().getLeased() == 1);

        DownstreamException failure = catchThrowableOfType(DownstreamException.class, () -> downstream.call(0, 0));

        assertThat(failure.outcome()).isEqualTo(DownstreamOutcome.POOL_EXHAUSTED);
        holder.join();
    }

    private BlockingDownstream downstream(String baseUrl, int maxConnections) {
        LabProperties properties = new LabProperties(
                new LabProperties.Downstream(
                        URI.create(baseUrl),
                        SHORT,
                        Duration.ofSeconds(10),
                        maxConnections,
                        1,
                        SHORT,
                        Duration.ofSeconds(30)),
                new LabProperties.Limits(10_000, 65_536, 32, 1_000_000, 1024),
                new LabProperties.Overload(1, Duration.ofSeconds(1)));
        connectionManager = configuration.blockingConnectionManager(properties);
        httpClient = configuration.blockingHttpClient(connectionManager, properties);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("observationRegistry", ObservationRegistry.NOOP);
        return new BlockingDownstream(
                configuration.blockingRestClient(
                        httpClient, properties, beans.getBeanProvider(ObservationRegistry.class)),
                new LabMeters(new SimpleMeterRegistry()));
    }
}
