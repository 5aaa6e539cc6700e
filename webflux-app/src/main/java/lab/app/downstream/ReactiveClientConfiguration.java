package lab.app.downstream;

import io.netty.channel.ChannelOption;
import lab.app.core.downstream.DownstreamPaths;
import lab.app.core.settings.LabProperties;
import lab.app.server.NettySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The non-blocking downstream client: WebClient on Reactor Netty with its own named pool. Reactor
 * Netty's shared default pool (500 connections, 1000 pending) fails at about 2,000 users, which
 * would make the pool, not the model, the bottleneck; so the pool is sized from the settings.
 */
@Configuration(proxyBeanMethods = false)
class ReactiveClientConfiguration {

    static final String POOL_NAME = "downstream";

    /** Reactor Netty's "no limit" for pending acquires. */
    private static final int UNBOUNDED = -1;

    /**
     * reactor.netty.connection.provider.* meters (active, idle, pending connections) under name
     * "downstream". The pending-acquire limit is {@link PendingAcquireLimit}'s, so the pool's own is off.
     */
    @Bean(destroyMethod = "dispose")
    ConnectionProvider downstreamConnectionProvider(LabProperties properties) {
        LabProperties.Downstream downstream = properties.downstream();
        ConnectionProvider pool = ConnectionProvider.builder(POOL_NAME)
                .maxConnections(downstream.maxConnections())
                .pendingAcquireMaxCount(UNBOUNDED)
                .pendingAcquireTimeout(downstream.pendingAcquireTimeout())
                // An idle connection older than this is closed on acquire, not reused (the stub closes idle ones).
                .maxIdleTime(downstream.maxIdleTime())
                .metrics(true)
                .build();
        return new PendingAcquireLimit(pool, downstream.pendingAcquireMax());
    }

    @Bean
    WebClient downstreamWebClient(
            WebClient.Builder builder,
            ConnectionProvider downstreamConnectionProvider,
            LabProperties properties,
            NettySettings netty) {
        LabProperties.Downstream downstream = properties.downstream();
        HttpClient httpClient = HttpClient.create(downstreamConnectionProvider)
                .option(
                        ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        Math.toIntExact(downstream.connectTimeout().toMillis()))
                .responseTimeout(downstream.responseTimeout());
        if (netty.requestMeters()) {
            // reactor.netty.http.client.* meters; one uri tag for every query (no tag explosion).
            httpClient = httpClient.metrics(true, DownstreamPaths::uriTag);
        }
        return builder.clone()
                .baseUrl(downstream.baseUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .build();
    }
}
