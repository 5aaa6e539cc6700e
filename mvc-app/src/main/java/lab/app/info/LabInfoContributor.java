package lab.app.info;

import java.util.LinkedHashMap;
import java.util.Map;
import lab.app.core.info.LabInfo;
import lab.app.core.result.AppIdentity;
import lab.app.core.settings.LabProperties;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.task.TaskExecutionProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The {@code lab} section of /actuator/info: the effective settings the fairness of a comparison depends on. */
@Component
class LabInfoContributor implements InfoContributor {

    static final String SECTION = "lab";

    private final Map<String, Object> lab;

    LabInfoContributor(
            AppIdentity identity,
            LabProperties properties,
            Environment environment,
            TomcatServerProperties tomcat,
            TaskExecutionProperties taskExecution) {
        boolean virtual = Threading.VIRTUAL.isActive(environment);
        this.lab = LabInfo.describe(
                identity, properties, server(tomcat, virtual), client(properties), fanout(taskExecution, virtual));
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail(SECTION, lab);
    }

    private static Map<String, Object> server(TomcatServerProperties tomcat, boolean virtual) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("engine", "tomcat");
        // Under virtual threads Tomcat ignores threads.max: every request gets a new virtual thread.
        server.put("maxThreads", tomcat.getThreads().getMax());
        server.put("virtualThreads", virtual);
        server.put("maxConnections", tomcat.getMaxConnections());
        server.put("acceptCount", tomcat.getAcceptCount());
        return server;
    }

    private static Map<String, Object> client(LabProperties properties) {
        LabProperties.Downstream downstream = properties.downstream();
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("library", "apache-httpclient5");
        client.put("maxConnections", downstream.maxConnections());
        // HC5's pool queues lease requests without a limit; only the lease timeout applies.
        client.put("pendingAcquireMax", "unbounded");
        client.put("pendingAcquireTimeout", downstream.pendingAcquireTimeout().toString());
        client.put("connectTimeout", downstream.connectTimeout().toString());
        client.put("responseTimeout", downstream.responseTimeout().toString());
        return client;
    }

    private static Map<String, Object> fanout(TaskExecutionProperties taskExecution, boolean virtual) {
        Map<String, Object> fanout = new LinkedHashMap<>();
        fanout.put("mechanism", virtual ? "virtual thread per call" : "applicationTaskExecutor thread per call");
        fanout.put("maxThreads", virtual ? "unbounded" : taskExecution.getPool().getMaxSize());
        fanout.put("queueCapacity", virtual ? "none" : taskExecution.getPool().getQueueCapacity());
        return fanout;
    }
}
