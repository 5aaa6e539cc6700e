package lab.dashboard.scrape;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_33_0.Metrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Actuator's Prometheus endpoint in the Prometheus protobuf format (a stream of
 * length-delimited {@code MetricFamily} messages) with the classes the Prometheus Java client
 * generates for it: the apps write it with the same library, so no hand-written text parser.
 *
 * <p>The generated package carries the protobuf version of the client Spring Boot manages; when
 * a Boot upgrade moves it, this import is the one line to change (the build fails until then).
 */
final class PrometheusProtobuf {

    /** The {@code Accept} header that makes Actuator answer in this format. */
    static final String MEDIA_TYPE =
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

    private PrometheusProtobuf() {}

    static Scrape parse(byte[] body, long nanos) {
        Map<String, List<Scrape.Value>> values = new HashMap<>();
        Map<String, List<Distribution>> distributions = new HashMap<>();
        try (InputStream in = new ByteArrayInputStream(body)) {
            Metrics.MetricFamily family;
            while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
                read(family, values, distributions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a Prometheus protobuf answer: " + e.getMessage(), e);
        }
        return new Scrape(nanos, values, distributions);
    }

    private static void read(
            Metrics.MetricFamily family,
            Map<String, List<Scrape.Value>> values,
            Map<String, List<Distribution>> distributions) {
        String name = family.getName();
        for (Metrics.Metric metric : family.getMetricList()) {
            Map<String, String> labels = labels(metric);
            switch (family.getType()) {
                case COUNTER ->
                    add(
                            values,
                            name,
                            new Scrape.Value(labels, metric.getCounter().getValue()));
                case GAUGE ->
                    add(values, name, new Scrape.Value(labels, metric.getGauge().getValue()));
                case UNTYPED ->
                    add(
                            values,
                            name,
                            new Scrape.Value(labels, metric.getUntyped().getValue()));
                case HISTOGRAM -> add(distributions, name, histogram(labels, metric.getHistogram()));
                case SUMMARY ->
                    add(
                            distributions,
                            name,
                            new Distribution(
                                    labels,
                                    metric.getSummary().getSampleCount(),
                                    metric.getSummary().getSampleSum(),
                                    new double[0],
                                    new long[0]));
                default -> {
                    // gauge histograms and native histograms: Actuator does not send them
                }
            }
        }
    }

    private static Distribution histogram(Map<String, String> labels, Metrics.Histogram h) {
        int n = h.getBucketCount();
        double[] bounds = new double[n];
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            bounds[i] = h.getBucket(i).getUpperBound();
            counts[i] = h.getBucket(i).getCumulativeCount();
        }
        return new Distribution(labels, h.getSampleCount(), h.getSampleSum(), bounds, counts);
    }

    private static Map<String, String> labels(Metrics.Metric metric) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Metrics.LabelPair pair : metric.getLabelList()) {
            labels.put(pair.getName(), pair.getValue());
        }
        return labels;
    }

    private static <T> void add(Map<String, List<T>> map, String name, T item) {
        map.computeIfAbsent(name, k -> new ArrayList<>()).add(item);
    }
}
