package lab.app.core.blocking;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.httpcomponents.hc5.PoolingHttpClientConnectionManagerMetricsBinder;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.TimeUnit;
import lab.app.core.settings.LabProperties;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The blocking downstream client: RestClient on Apache HttpClient 5 with a pool sized from the settings
 * (the JDK client has no pool limit to show, and HC5's pool has meters).
 */
@Configuration(proxyBeanMethods = false)
class BlockingClientConfiguration {

    static final String POOL_NAME = "downstream";

    @Bean(destroyMethod = "close")
    PoolingHttpClientConnectionManager blockingConnectionManager(LabProperties properties) {
        LabProperties.Downstream downstream = properties.downstream();
        return PoolingHttpClientConnectionManagerBuilder.create()
                // One route (the stub): the per-route cap must equal the total or it silently becomes the limit.
                .setMaxConnTotal(downstream.maxConnections())
                .setMaxConnPerRoute(downstream.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(downstream.connectTimeout()))
                        .setSocketTimeout(Timeout.of(downstream.responseTimeout()))
                        .build())
                .build();
    }

    @Bean(destroyMethod = "close")
    CloseableHttpClient blockingHttpClient(
            PoolingHttpClientConnectionManager connectionManager, LabProperties properties) {
        LabProperties.Downstream downstream = properties.downstream();
        return HttpClients.custom()
                .setConnectionManager(new PendingLeaseLimit(connectionManager, downstream.pendingAcquireMax()))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(downstream.pendingAcquireTimeout()))
                        .setResponseTimeout(Timeout.of(downstream.responseTimeout()))
                        // The stub sends no Keep-Alive header: without this HC5 keeps an idle pooled
                        // connection 3 minutes, past the stub's idle timeout (a stale connection → reset).
                        .setDefaultKeepAlive(downstream.maxIdleTime().toMillis(), TimeUnit.MILLISECONDS)
                        .build())
                // HC5 retries idempotent requests by default: a retried timeout or reset would hide the fault.
                .disableAutomaticRetries()
                .build();
    }

    @Bean
    RestClient blockingRestClient(
            CloseableHttpClient httpClient,
            LabProperties properties,
            ObjectProvider<ObservationRegistry> observationRegistry) {
        return RestClient.builder()
                .baseUrl(properties.downstream().baseUrl().toString())
                .requestFactory(new HttpComponentsClientHttpRequestFactory(httpClient))
                .observationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP))
                .build();
    }

    /** httpcomponents.httpclient.pool.* meters: leased, available and pending connections. */
    @Bean
    MeterBinder blockingConnectionPoolMetrics(PoolingHttpClientConnectionManager connectionManager) {
        return new PoolingHttpClientConnectionManagerMetricsBinder(connectionManager, POOL_NAME);
    }
}
