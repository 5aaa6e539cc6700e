package lab.runner.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static final long SLOW_SCRAPE_MS = 2000;

    @Test
    void cpuIsReadAtTheSamplesTimeNotAfterAScrapeThatWaitedInTheServersQueue() throws Exception {
        // the "app" is this JVM, kept busy by a spinning thread; its Prometheus endpoint answers only
        // after 2 s, as Tomcat's does when thousands of requests queue ahead of the scrape
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/prometheus", exchange -> {
            try {
                Thread.sleep(SLOW_SCRAPE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "jvm_threads_live_threads 20\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        AtomicBoolean spin = new AtomicBoolean(true);
        Thread spinner = new Thread(() -> {
            long x = 0;
            while (spin.get()) {
                x += System.nanoTime() % 7;
            }
            if (x == 42) {
                System.out.print("");
            }
        });
        spinner.start();
        long self = ProcessHandle.current().pid();
        ProcReader proc = new ProcReader();
        try {
            Sampler sampler = samplerOfThisJvm(server, proc);
            double before = proc.read(self).orElseThrow().cpuSeconds();

            Sample sample = sampler.sampleNow();

            double after = proc.read(self).orElseThrow().cpuSeconds();
            assertThat(sample.scrapeFailed()).isFalse();
            assertThat(after - before)
                    .as("the spinner ran during the slow scrape")
                    .isGreaterThan(0.5);
            assertThat(sample.app().cpuSeconds() - before)
                    .as("CPU read when the sample was taken, not 2 s later")
                    .isLessThan(0.25 * (after - before));
            sampler.close();
        } finally {
            spin.set(false);
            server.stop(0);
        }
    }

    @Test
    void theReadingsGoOnEverySecondWhileAScrapeWaitsInTheServersQueue() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        server.createContext("/actuator/prometheus", exchange -> {
            try {
                Thread.sleep(SLOW_SCRAPE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body =
                    ("lab_requests_in_progress " + answered.incrementAndGet() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Sampler sampler = samplerOfThisJvm(server, new ProcReader());
        try {
            sampler.start();
            while (answered.get() < 3) {
                Thread.sleep(100);
            }
            Thread.sleep(500);
        } finally {
            sampler.close();
            server.stop(0);
        }

        List<Sample> samples = sampler.samples();
        long scrapes = samples.stream()
                .filter(s -> !s.scrape().isEmpty())
                .map(Sample::scrapedAtMs)
                .distinct()
                .count();
        // one reading a second while each scrape takes 2 s: about twice as many readings as scrapes
        // (one each when the readings waited for the scrape)
        assertThat(scrapes).isGreaterThanOrEqualTo(2);
        assertThat(samples.size()).isGreaterThanOrEqualTo((int) (1.5 * scrapes));
        assertThat(samples).allMatch(s -> s.app() != null && !s.scrapeFailed());
        // a carried scrape keeps the time it was taken
        assertThat(samples).allMatch(s -> s.scrape().isEmpty() || s.scrapedAtMs() <= s.epochMs());
    }

    /** A sampler whose app and stub are this JVM, its Prometheus endpoint {@code server}. */
    private static Sampler samplerOfThisJvm(HttpServer server, ProcReader proc) {
        long self = ProcessHandle.current().pid();
        return new Sampler(
                new Sampler.Targets(
                        new ActuatorClient(server.getAddress().getPort()),
                        self,
                        self,
                        () -> -1,
                        1,
                        List.of(0),
                        Optional::empty),
                proc,
                100);
    }
}
