package lab.app.info;

import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.app.core.info.LabInfo;
import lab.app.core.result.AppIdentity;
import lab.app.core.settings.LabProperties;
import lab.app.server.NettySettings;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.reactor.netty.autoconfigure.NettyServerProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code lab} section of /actuator/info: the effective settings the fairness of a comparison
 * depends on, under the same keys as mvc-app's.
 */
@Component
class LabInfoContributor implements InfoContributor {

    static final String SECTION = "lab";

    /** Every handler this app adds to Reactor Netty's pipeline, on every connection. */
    private static final List<String> EXTRA_HANDLERS = List.of(
            "RequestTargetSanitizer: a Netty handler that checks every request target",
            "HeaderDeadline: two Netty handlers and a timer per request (the header timeout)");

    private final AppIdentity identity;
    private final LabProperties properties;
    private final NettySettings netty;
    private final ServerProperties serverProperties;
    private final NettyServerProperties nettyProperties;
    private final ReactorResourceFactory resources;

    LabInfoContributor(
            AppIdentity identity,
            LabProperties properties,
            NettySettings netty,
            ServerProperties serverProperties,
            NettyServerProperties nettyProperties,
            ReactorResourceFactory resources) {
        this.identity = identity;
        this.properties = properties;
        this.netty = netty;
        this.serverProperties = serverProperties;
        this.nettyProperties = nettyProperties;
        this.resources = resources;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail(
                SECTION,
                LabInfo.describe(
                        identity,
                        properties,
                        new LabInfo.Sections(server(), client(), fanout(), Map.of("eventLoopThreads", eventLoops()))));
    }

    private Map<String, Object> server() {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("engine", "reactor-netty");
        // Event-loop threads shared by server and client: max(available processors, 4) unless
        // reactor.netty.ioWorkerCount is set.
        server.put("maxThreads", eventLoops());
        server.put("virtualThreads", false);
        server.put("maxConnections", netty.maxConnections());
        server.put("acceptCount", netty.acceptCount());
        server.put("atMaxConnections", "a new connection is closed at once");
        // One idle timeout covers both: a new connection before its first request, and a kept-alive one between two.
        server.put("keepAliveTimeout", idleTimeout());
        server.put("connectionTimeout", idleTimeout());
        server.put("headerTimeout", netty.headerTimeout().toString());
        server.put("maxKeepAliveRequests", maxKeepAliveRequests());
        server.put(
                "maxRequestHeaderBytes",
                serverProperties.getMaxHttpRequestHeaderSize().toBytes());
        server.put("requestMeters", requestMeters("http.server.requests", "reactor.netty.http.server.*"));
        server.put("extraHandlers", EXTRA_HANDLERS);
        return server;
    }

    private Map<String, Object> client() {
        LabProperties.Downstream downstream = properties.downstream();
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("library", "reactor-netty");
        client.put("maxConnections", downstream.maxConnections());
        client.put("pendingAcquireMax", downstream.pendingAcquireMax());
        client.put("pendingAcquireTimeout", downstream.pendingAcquireTimeout().toString());
        client.put("connectTimeout", downstream.connectTimeout().toString());
        client.put("responseTimeout", downstream.responseTimeout().toString());
        client.put("maxIdleTime", downstream.maxIdleTime().toString());
        client.put("requestMeters", requestMeters("http.client.requests", "reactor.netty.http.client.*"));
        return client;
    }

    private static Map<String, Object> fanout() {
        Map<String, Object> fanout = new LinkedHashMap<>();
        fanout.put("mechanism", "Flux.merge on the event loop");
        fanout.put("maxThreads", 0);
        fanout.put("queueCapacity", "none");
        return fanout;
    }

    private List<String> requestMeters(String spring, String reactorNetty) {
        return netty.requestMeters() ? List.of(spring, reactorNetty) : List.of(spring);
    }

    private Object maxKeepAliveRequests() {
        Integer max = nettyProperties.getMaxKeepAliveRequests();
        return max == null || max < 0 ? "unlimited" : max;
    }

    /** The event loop the server (and the client) actually run on, counted, not recomputed. */
    private int eventLoops() {
        int threads = 0;
        for (EventExecutor ignored : resources.getLoopResources().onServer(true)) {
            threads++;
        }
        return threads;
    }

    private String idleTimeout() {
        Duration idle = nettyProperties.getIdleTimeout();
        return idle == null ? "none" : idle.toString();
    }
}
