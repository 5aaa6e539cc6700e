package lab.runner.sampling;

/** The Prometheus names of the meters the lab reads from the apps (Micrometer's, Tomcat's, Reactor Netty's, the lab's). */
public final class Meters {

    static final String THREADS_LIVE = "jvm_threads_live_threads";
    static final String TOMCAT_BUSY = "tomcat_threads_busy_threads";
    static final String TOMCAT_MAX = "tomcat_threads_config_max_threads";
    public static final String IN_PROGRESS = "lab_requests_in_progress";
    static final String EVENT_LOOP_PENDING = "reactor_netty_eventloop_pending_tasks";
    static final String SERVER = "http_server_requests_seconds";
    static final String CLIENT = "http_client_requests_seconds";
    static final String GC_PAUSE = "jvm_gc_pause_seconds";
    static final String GC_LIVE_DATA = "jvm_gc_live_data_size_bytes";
    static final String GC_MAX_DATA = "jvm_gc_max_data_size_bytes";
    static final String MEMORY_USED = "jvm_memory_used_bytes";
    static final String MEMORY_MAX = "jvm_memory_max_bytes";
    /** Apache HttpClient 5's pool (MVC). */
    static final String HC5_LEASED = "httpcomponents_httpclient_pool_total_connections";

    static final String HC5_PENDING = "httpcomponents_httpclient_pool_total_pending";
    static final String HC5_MAX = "httpcomponents_httpclient_pool_total_max";
    /** Reactor Netty's connection provider (WebFlux). */
    static final String NETTY_ACTIVE = "reactor_netty_connection_provider_active_connections";

    static final String NETTY_PENDING = "reactor_netty_connection_provider_pending_connections";
    static final String NETTY_MAX = "reactor_netty_connection_provider_max_connections";

    /** Spring's executors (Micrometer's executor meters); the lab reads the fan-out's, {@link #FANOUT_EXECUTOR}. */
    static final String EXECUTOR_ACTIVE = "executor_active_threads";

    static final String EXECUTOR_QUEUED = "executor_queued_tasks";
    static final String EXECUTOR_MAX = "executor_pool_max_threads";
    /** The {@code name} tag of Spring Boot's {@code applicationTaskExecutor}: MVC's fan-out pool. */
    static final String FANOUT_EXECUTOR = "applicationTaskExecutor";

    static final String SUM = "_sum";
    static final String COUNT = "_count";
    static final String MAX = "_max";

    private Meters() {}
}
