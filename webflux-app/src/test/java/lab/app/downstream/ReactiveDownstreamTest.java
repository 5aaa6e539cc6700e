package lab.app.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import lab.app.core.downstream.DownstreamException;
import lab.app.core.downstream.DownstreamOutcome;
import lab.app.core.meters.LabMeters;
import lab.app.core.settings.LabProperties;
import lab.app.server.NettySettings;
import lab.contract.kit.DownstreamStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.netty.resources.ConnectionProvider;

/** The WebClient as configured for the app, against real sockets: refused connections and an exhausted pool. */
class ReactiveDownstreamTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration CALL_LIMIT = Duration.ofSeconds(20);

    private final ReactiveClientConfiguration configuration = new ReactiveClientConfiguration();
    private ConnectionProvider provider;

    @AfterEach
    void close() {
        provider.dispose();
    }

    @Test
    void closedPortIsRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ReactiveDownstream downstream = downstream("http://127.0.0.1:" + closedPort);

        DownstreamException failure = catchThrowableOfType(
                DownstreamException.class, () -> downstream.call(0, 0).block(CALL_LIMIT));

        assertThat(failure.outcome()).isEqualTo(DownstreamOutcome.REFUSED);
    }

    @Test
    void morePendingCallsThanThePoolQueueAllowsIsPoolExhaustion() {
        ReactiveDownstream downstream = downstream(DownstreamStub.shared().baseUrl());
        Disposable holder = downstream.call(2000, 0).subscribe();
        Disposable waiting = downstream.call(2000, 0).subscribe(ignored -> {}, ignored -> {});
        try {
            DownstreamException failure = catchThrowableOfType(
                    DownstreamException.class, () -> downstream.call(0, 0).block(CALL_LIMIT));

            assertThat(failure.outcome()).isEqualTo(DownstreamOutcome.POOL_EXHAUSTED);
        } finally {
            holder.dispose();
            waiting.dispose();
        }
        // Cancelling reaches the pool on the event loop: the count drops there, not at once.
        await("acquires still counted").until(() -> ((PendingAcquireLimit) provider).pending() == 0);
    }

    private ReactiveDownstream downstream(String baseUrl) {
        LabProperties properties = new LabProperties(
                new LabProperties.Downstream(
                        URI.create(baseUrl), SHORT, Duration.ofSeconds(10), 1, 1, SHORT, Duration.ofSeconds(30)),
                new LabProperties.Limits(10_000, 65_536, 32, 1_000_000, 1024),
                new LabProperties.Overload(1, Duration.ofSeconds(1)));
        provider = configuration.downstreamConnectionProvider(properties);
        WebClient client = configuration.downstreamWebClient(
                WebClient.builder(),
                provider,
                properties,
                new NettySettings(20_000, 1_000, Duration.ofSeconds(20), false));
        return new ReactiveDownstream(client, new LabMeters(new SimpleMeterRegistry()));
    }
}
