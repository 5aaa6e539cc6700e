package lab.app.info;

import io.netty.util.NetUtil;
import java.util.LinkedHashMap;
import java.util.Map;
import lab.app.core.info.LabInfo;
import lab.app.core.result.AppIdentity;
import lab.app.core.settings.LabProperties;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;
import reactor.netty.resources.LoopResources;

/** The {@code lab} section of /actuator/info: the effective settings the fairness of a comparison depends on. */
@Component
class LabInfoContributor implements InfoContributor {

    static final String SECTION = "lab";

    private final Map<String, Object> lab;

    LabInfoContributor(AppIdentity identity, LabProperties properties) {
        this.lab = LabInfo.describe(identity, properties, server(), client(properties), fanout());
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail(SECTION, lab);
    }

    private static Map<String, Object> server() {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("engine", "reactor-netty");
        // Event-loop threads shared by server and clients: max(available processors, 4) unless
        // reactor.netty.ioWorkerCount is set.
        server.put("maxThreads", LoopResources.DEFAULT_IO_WORKER_COUNT);
        server.put("virtualThreads", false);
        server.put("maxConnections", "unbounded");
        server.put("acceptCount", NetUtil.SOMAXCONN);
        return server;
    }

    private static Map<String, Object> client(LabProperties properties) {
        LabProperties.Downstream downstream = properties.downstream();
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("library", "reactor-netty");
        client.put("maxConnections", downstream.maxConnections());
        client.put("pendingAcquireMax", downstream.pendingAcquireMax());
        client.put("pendingAcquireTimeout", downstream.pendingAcquireTimeout().toString());
        client.put("connectTimeout", downstream.connectTimeout().toString());
        client.put("responseTimeout", downstream.responseTimeout().toString());
        return client;
    }

    private static Map<String, Object> fanout() {
        Map<String, Object> fanout = new LinkedHashMap<>();
        fanout.put("mechanism", "Flux.merge on the event loop");
        fanout.put("maxThreads", 0);
        fanout.put("queueCapacity", "none");
        return fanout;
    }
}
