package lab.runner.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    static final String SCRAPE = """
            # HELP tomcat_threads_busy_threads
            # TYPE tomcat_threads_busy_threads gauge
            tomcat_threads_busy_threads{name="http-nio-8081"} 187.0
            jvm_threads_live_threads 231.0
            lab_requests_in_progress{app="mvc"} 185.0
            process_cpu_usage 0.93
            http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/api/io"} 1000
            http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="503",uri="/api/io"} 20
            http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/actuator/prometheus"} 55
            http_server_requests_seconds_sum{method="GET",outcome="SUCCESS",status="200",uri="/api/io"} 105.5
            http_server_requests_seconds_bucket{le="0.1",uri="/api/io"} 400
            reactor_netty_connection_provider_pending_connections{id="x",name="down",remote_address="127.0.0.1:8090"} 12
            reactor_netty_connection_provider_pending_connections{id="y",name="down",remote_address="127.0.0.1:8091"} 3
            jvm_gc_pause_seconds_count{action="end of minor GC"} 4
            tomcat_threads_config_max_threads{name="http-nio-8081"} 200.0
            weird_value NaN
            """;

    @Test
    void keepsTheStoryMetersSummedOverLabels() {
        Map<String, Double> m = PrometheusText.parse(SCRAPE);

        assertThat(m)
                .containsEntry("tomcat_threads_busy_threads", 187.0)
                .containsEntry("jvm_threads_live_threads", 231.0)
                .containsEntry("lab_requests_in_progress", 185.0)
                .containsEntry("process_cpu_usage", 0.93)
                .containsEntry("reactor_netty_connection_provider_pending_connections", 15.0)
                .containsEntry("tomcat_threads_config_max_threads", 200.0);
    }

    @Test
    void dropsActuatorTrafficBucketsAndUnrelatedMeters() {
        Map<String, Double> m = PrometheusText.parse(SCRAPE);

        assertThat(m)
                .containsEntry("http_server_requests_seconds_count", 1020.0)
                .containsEntry("http_server_requests_seconds_sum", 105.5)
                .doesNotContainKeys("http_server_requests_seconds_bucket", "jvm_gc_pause_seconds_count", "weird_value");
    }
}
