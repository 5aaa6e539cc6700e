package lab.app.info;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import lab.app.core.info.LabInfo;
import lab.app.core.result.AppIdentity;
import lab.app.core.settings.LabProperties;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.task.TaskExecutionProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code lab} section of /actuator/info: the effective settings the fairness of a comparison
 * depends on, under the same keys as webflux-app's. Tomcat's values are read from the running
 * connector, not from the properties that configured it.
 */
@Component
class LabInfoContributor implements InfoContributor {

    static final String SECTION = "lab";

    /** What this app adds to Tomcat's request path. */
    private static final List<String> EXTRA_HANDLERS = List.of(
            "ErrorReportValveSwap: an engine valve that passes every request on",
            "ProblemErrorReportValve: Tomcat's error page as a catalogue problem (errors only)");

    private final AppIdentity identity;
    private final LabProperties properties;
    private final TaskExecutionProperties taskExecution;
    private final ApplicationContext context;
    private final boolean virtual;

    LabInfoContributor(
            AppIdentity identity,
            LabProperties properties,
            Environment environment,
            TaskExecutionProperties taskExecution,
            ApplicationContext context) {
        this.identity = identity;
        this.properties = properties;
        this.taskExecution = taskExecution;
        this.context = context;
        this.virtual = Threading.VIRTUAL.isActive(environment);
    }

    @Override
    public void contribute(Info.Builder builder) {
        AbstractHttp11Protocol<?> tomcat = connector();
        builder.withDetail(
                SECTION,
                LabInfo.describe(
                        identity,
                        properties,
                        new LabInfo.Sections(server(tomcat), client(), fanout(), modelSizing(tomcat))));
    }

    private AbstractHttp11Protocol<?> connector() {
        if (context instanceof WebServerApplicationContext web
                && web.getWebServer() instanceof TomcatWebServer server) {
            ProtocolHandler handler = server.getTomcat().getConnector().getProtocolHandler();
            if (handler instanceof AbstractHttp11Protocol<?> http11) {
                return http11;
            }
        }
        throw new IllegalStateException("mvc-app runs on Tomcat's HTTP/1.1 connector");
    }

    private Map<String, Object> server(AbstractHttp11Protocol<?> tomcat) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("engine", "tomcat");
        // Under virtual threads Tomcat has no worker pool (its getter says -1): every request gets a new virtual
        // thread.
        server.put("maxThreads", virtual ? "unbounded (a virtual thread per request)" : tomcat.getMaxThreads());
        server.put("virtualThreads", virtual);
        server.put("maxConnections", tomcat.getMaxConnections());
        server.put("acceptCount", tomcat.getAcceptCount());
        server.put("atMaxConnections", "a new connection waits in the kernel's accept queue");
        server.put("keepAliveTimeout", millis(tomcat.getKeepAliveTimeout()));
        server.put("connectionTimeout", millis(tomcat.getConnectionTimeout()));
        // Tomcat's connection timeout bounds each read, not the whole head: a trickle is never cut.
        server.put("headerTimeout", "none (connectionTimeout between two bytes)");
        server.put("maxKeepAliveRequests", maxKeepAliveRequests(tomcat.getMaxKeepAliveRequests()));
        server.put("maxRequestHeaderBytes", (long) tomcat.getMaxHttpRequestHeaderSize());
        server.put("requestMeters", List.of("http.server.requests"));
        server.put("extraHandlers", EXTRA_HANDLERS);
        return server;
    }

    private Map<String, Object> client() {
        LabProperties.Downstream downstream = properties.downstream();
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("library", "apache-httpclient5");
        client.put("maxConnections", downstream.maxConnections());
        // app-core's PendingLeaseLimit gives HC5's pool Reactor Netty's limit.
        client.put("pendingAcquireMax", downstream.pendingAcquireMax());
        client.put("pendingAcquireTimeout", downstream.pendingAcquireTimeout().toString());
        client.put("connectTimeout", downstream.connectTimeout().toString());
        client.put("responseTimeout", downstream.responseTimeout().toString());
        client.put("maxIdleTime", downstream.maxIdleTime().toString());
        client.put("requestMeters", List.of("http.client.requests"));
        return client;
    }

    private Map<String, Object> fanout() {
        Map<String, Object> fanout = new LinkedHashMap<>();
        fanout.put("mechanism", virtual ? "virtual thread per call" : "applicationTaskExecutor thread per call");
        fanout.put("maxThreads", virtual ? "unbounded" : taskExecution.getPool().getMaxSize());
        fanout.put("queueCapacity", virtual ? "none" : taskExecution.getPool().getQueueCapacity());
        return fanout;
    }

    /** What bounds the requests served at once: Tomcat's worker pool, or the virtual-thread carriers. */
    private Map<String, Object> modelSizing(AbstractHttp11Protocol<?> tomcat) {
        Map<String, Object> sizing = new LinkedHashMap<>();
        Executor executor = tomcat.getExecutor();
        sizing.put(
                "tomcatMaxThreads",
                executor instanceof ThreadPoolExecutor pool
                        ? pool.getMaximumPoolSize()
                        : "a virtual thread per request");
        if (virtual) {
            sizing.put("virtualThreadParallelism", LabInfo.virtualThreadParallelism());
        }
        return sizing;
    }

    private static String millis(long millis) {
        return millis < 0 ? "none" : Duration.ofMillis(millis).toString();
    }

    private static Object maxKeepAliveRequests(int max) {
        return max < 0 ? "unlimited" : max;
    }
}
