package lab.runner.sampling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples once a second while a step runs: the app's Actuator meters, {@code /proc} for the app,
 * the stub and the load generator, and one probe request straight to the stub (its latency above
 * the configured delay is the stub's own overhead, which must stay small for the step to count).
 */
public final class Sampler implements AutoCloseable {

    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Duration PROBE_GRACE = Duration.ofSeconds(10);

    private final ActuatorClient actuator;
    private final ProcReader proc;
    private final long appPid;
    private final long stubPid;
    private final LongSupplier loadGenPid;
    private final URI stubProbe;
    // HTTP/1.1 as the apps speak to the stub (the JDK client would otherwise try an h2c upgrade)
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final Duration probeTimeout;
    private final java.util.List<Integer> appCpus;
    private final List<Sample> samples = new ArrayList<>();
    private final List<StubProbe> probes = new ArrayList<>();
    // Two threads: the stub probe takes a whole downstream delay and must not hold up the readings.
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "lab-sampler");
        t.setDaemon(true);
        return t;
    });

    /** {@code loadGenPid} returns -1 while no load generator runs. */
    public Sampler(
            ActuatorClient actuator,
            ProcReader proc,
            long appPid,
            long stubPid,
            LongSupplier loadGenPid,
            int stubPort,
            int delayMs,
            java.util.List<Integer> appCpus) {
        this.appCpus = java.util.List.copyOf(appCpus);
        this.actuator = actuator;
        this.proc = proc;
        this.appPid = appPid;
        this.stubPid = stubPid;
        this.loadGenPid = loadGenPid;
        this.stubProbe = URI.create("http://127.0.0.1:" + stubPort + "/delay?ms=" + delayMs + "&bytes=128");
        this.probeTimeout = Duration.ofMillis(delayMs).plus(PROBE_GRACE);
    }

    public Sampler start() {
        timer.scheduleAtFixedRate(this::sampleSafely, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::probeSafely, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** A reading now, outside the schedule (e.g. right before and after a step). */
    public Sample sampleNow() {
        long lg = loadGenPid.getAsLong();
        long now = System.currentTimeMillis();
        Map<String, Double> meters = actuator.meters();
        return new Sample(
                now,
                meters,
                proc.read(appPid).orElse(null),
                proc.read(stubPid).orElse(null),
                lg > 0 ? proc.read(lg).orElse(null) : null,
                proc.busySeconds(appCpus));
    }

    private void sampleSafely() {
        try {
            Sample s = sampleNow();
            synchronized (samples) {
                samples.add(s);
            }
        } catch (RuntimeException e) {
            // one lost sample is not worth failing a run for
        }
    }

    private void probeSafely() {
        long now = System.currentTimeMillis();
        double ms = probeStub();
        if (Double.isNaN(ms)) {
            return; // cut short by close(): says nothing about the stub
        }
        synchronized (probes) {
            probes.add(new StubProbe(now, ms));
        }
    }

    private double probeStub() {
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(stubProbe)
                    .timeout(probeTimeout)
                    .GET()
                    .build();
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? (System.nanoTime() - start) / 1e6 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    public List<StubProbe> probes() {
        synchronized (probes) {
            return List.copyOf(probes);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(PERIOD.toMillis() * 5, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
