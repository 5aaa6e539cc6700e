package lab.runner.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScrapeTest {

    /** Shaped like Micrometer's Prometheus text (format 0.0.4), with the awkward cases in it. */
    private static final String TEXT = """
            # HELP http_server_requests_seconds
            # TYPE http_server_requests_seconds histogram
            http_server_requests_seconds_bucket{error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/api/io",le="0.1"} 120
            http_server_requests_seconds_bucket{error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/api/io",le="0.2"} 300
            http_server_requests_seconds_bucket{error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/api/io",le="+Inf"} 310
            http_server_requests_seconds_bucket{error="Bad, \\"gateway\\"",exception="HttpServerErrorException",method="GET",outcome="SERVER_ERROR",status="502",uri="/api/io",le="0.1"} 0
            http_server_requests_seconds_bucket{error="Bad, \\"gateway\\"",exception="HttpServerErrorException",method="GET",outcome="SERVER_ERROR",status="502",uri="/api/io",le="0.2"} 4
            http_server_requests_seconds_bucket{error="Bad, \\"gateway\\"",exception="HttpServerErrorException",method="GET",outcome="SERVER_ERROR",status="502",uri="/api/io",le="+Inf"} 5
            http_server_requests_seconds_count{error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/api/io"} 310
            http_server_requests_seconds_count{error="Bad, \\"gateway\\"",exception="HttpServerErrorException",method="GET",outcome="SERVER_ERROR",status="502",uri="/api/io"} 5
            http_server_requests_seconds_count{error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/actuator/prometheus"} 77
            http_server_requests_seconds_bucket{error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/actuator/prometheus",le="+Inf"} 77
            # a label value with a backslash, a newline escape and a closing brace
            lab_odd_series{path="C:\\\\temp",note="line1\\nline2",shape="}{"} 2
            jvm_threads_live_threads 31.0
            process_start_time_seconds 1.7e9 1700000000000
            jvm_gc_pause_seconds_max{action="end of minor GC",cause="G1 Evacuation Pause"} 0.02
            jvm_gc_pause_seconds_max{action="end of minor GC",cause="G1 Humongous Allocation"} 0.05
            jvm_gc_overhead NaN
            """;

    private static final Scrape SCRAPE = Scrape.parse(TEXT);

    @Test
    void labelValuesMayHoldCommasEscapedQuotesBackslashesAndBraces() {
        Map<String, String> labels =
                Scrape.labels("error=\"Bad, \\\"gateway\\\"\",status=\"502\", path=\"C:\\\\temp\",note=\"a\\nb\"");

        assertThat(labels)
                .containsOnly(
                        entry("error", "Bad, \"gateway\""),
                        entry("status", "502"),
                        entry("path", "C:\\temp"),
                        entry("note", "a\nb"));
        assertThat(SCRAPE.sum("http_server_requests_seconds_count", s -> "Bad, \"gateway\"".equals(s.label("error"))))
                .isEqualTo(5);
        assertThat(SCRAPE.sum(
                        "lab_odd_series",
                        s -> "C:\\temp".equals(s.label("path"))
                                && "line1\nline2".equals(s.label("note"))
                                && "}{".equals(s.label("shape"))))
                .isEqualTo(2);
    }

    @Test
    void theLabsOwnActuatorSeriesAreDropped() {
        assertThat(SCRAPE.sum("http_server_requests_seconds_count")).isEqualTo(315);
        assertThat(SCRAPE.sum(
                        "http_server_requests_seconds_count",
                        s -> s.label("uri").startsWith("/actuator")))
                .isNull();
    }

    @Test
    void sumsMaximaAndUnknowns() {
        assertThat(SCRAPE.sum("jvm_threads_live_threads")).isEqualTo(31);
        // a timestamp after the value is not the value
        assertThat(SCRAPE.sum("process_start_time_seconds")).isEqualTo(1.7e9);
        assertThat(SCRAPE.sum("jvm_gc_pause_seconds_max")).isCloseTo(0.07, within(1e-12));
        assertThat(SCRAPE.max("jvm_gc_pause_seconds_max")).isEqualTo(0.05);
        assertThat(SCRAPE.sum("no_such_meter")).isNull();
        assertThat(SCRAPE.max("no_such_meter")).isNull();
        assertThat(SCRAPE.sum("jvm_threads_live_threads", s -> false)).isNull();
        // NaN says nothing: dropped
        assertThat(SCRAPE.sum("jvm_gc_overhead")).isNull();
        assertThat(SCRAPE.sums())
                .containsEntry("jvm_threads_live_threads", 31.0)
                .doesNotContainKey("jvm_gc_overhead");
    }

    @Test
    void bucketsAreSummedOverTheMatchingSeriesAndKeyedByTheirUpperBound() {
        TreeMap<Double, Double> all = SCRAPE.buckets("http_server_requests_seconds", s -> true);
        TreeMap<Double, Double> ok =
                SCRAPE.buckets("http_server_requests_seconds", s -> "200".equals(s.label("status")));

        assertThat(all).containsExactly(entry(0.1, 120.0), entry(0.2, 304.0), entry(Double.POSITIVE_INFINITY, 315.0));
        assertThat(ok).containsExactly(entry(0.1, 120.0), entry(0.2, 300.0), entry(Double.POSITIVE_INFINITY, 310.0));
        assertThat(SCRAPE.buckets("jvm_threads_live", s -> true)).isEmpty();
    }

    @Test
    void anEmptyOrFailedScrapeKnowsNothing() {
        assertThat(Scrape.EMPTY.isEmpty()).isTrue();
        assertThat(Scrape.EMPTY.sum("jvm_threads_live_threads")).isNull();
        assertThat(Scrape.parse("# only comments\n\n").isEmpty()).isTrue();
        assertThat(Scrape.parse("garbage\nmetric{unclosed=\"x\" 3\n").isEmpty()).isTrue();
        assertThat(SCRAPE.isEmpty()).isFalse();
    }

    @Test
    void numbersIncludeInfinities() {
        assertThat(Scrape.number("+Inf")).isInfinite().isPositive();
        assertThat(Scrape.number("-Inf")).isInfinite().isNegative();
        assertThat(Scrape.number("1.5e-3")).isEqualTo(0.0015);
        assertThat(Scrape.number("nope")).isNaN();
    }
}
