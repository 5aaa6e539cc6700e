package lab.app.downstream;

import io.netty.channel.ChannelOption;
import lab.app.core.downstream.DownstreamPaths;
import lab.app.core.settings.LabProperties;
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

    /** reactor.netty.connection.provider.* meters (active, idle, pending connections) under name "downstream". */
    @Bean(destroyMethod = "dispose")
    ConnectionProvider downstreamConnectionProvider(LabProperties properties) {
        LabProperties.Downstream downstream = properties.downstream();
        return ConnectionProvider.builder(POOL_NAME)
                .maxConnections(downstream.maxConnections())
                .pendingAcquireMaxCount(downstream.pendingAcquireMax())
                .pendingAcquireTimeout(downstream.pendingAcquireTimeout())
                .metrics(true)
                .build();
    }

    @Bean
    WebClient downstreamWebClient(
            WebClient.Builder builder, ConnectionProvider downstreamConnectionProvider, LabProperties properties) {
        LabProperties.Downstream downstream = properties.downstream();
        HttpClient httpClient = HttpClient.create(downstreamConnectionProvider)
                .option(
                        ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        Math.toIntExact(downstream.connectTimeout().toMillis()))
                .responseTimeout(downstream.responseTimeout())
                // reactor.netty.http.client.* meters; one uri tag for every query (no tag explosion).
                .metrics(true, DownstreamPaths::uriTag);
        return builder.clone()
                .baseUrl(downstream.baseUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .build();
    }
}
