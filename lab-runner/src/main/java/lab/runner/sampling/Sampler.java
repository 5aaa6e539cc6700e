package lab.runner.sampling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Samples once a second for as long as a variant runs: the app's Actuator meters, {@code /proc}
 * for the app, the stub and the load generator, the app's cgroup, one probe request straight to
 * the stub (its latency above the configured delay is the stub's own overhead, which must stay
 * small for a step to count) and one to the app's {@code /actuator/health} (how long a health check
 * takes on the loaded server). Steps take their windows out of the one series.
 */
public final class Sampler implements AutoCloseable {

    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Duration PROBE_GRACE = Duration.ofSeconds(10);
    private static final double NANOS_PER_MS = 1e6;
    private static final int HTTP_OK = 200;

    /** Who is sampled: the app, the stub, the load generator (-1 while none runs) and the app's cgroup. */
    public record Targets(
            ActuatorClient actuator,
            long appPid,
            long stubPid,
            LongSupplier loadGenPid,
            int stubPort,
            List<Integer> appCpus,
            Supplier<Optional<CgroupReading>> cgroup) {

        public Targets {
            appCpus = List.copyOf(appCpus);
        }
    }

    private final Targets targets;
    private final ProcReader proc;
    private final GcThreads gcThreads;
    private volatile URI stubProbe;
    private volatile Duration probeTimeout;
    // HTTP/1.1 as the apps speak to the stub (the JDK client would otherwise try an h2c upgrade)
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final List<Sample> samples = new ArrayList<>();
    private final List<Probe> stubProbes = new ArrayList<>();
    private final List<Probe> healthProbes = new ArrayList<>();
    /** The last scrape the app answered, and when it was taken. */
    private record Answered(long atMs, Scrape scrape) {}

    private final AtomicReference<Answered> lastAnswered = new AtomicReference<>();
    private final AtomicInteger unansweredSinceSample = new AtomicInteger();
    // Four threads: the readings, the scrape (it may wait seconds in a saturated server's queue) and
    // the two probes (each may take a whole downstream delay): none holds up another.
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "lab-sampler");
        t.setDaemon(true);
        return t;
    });

    public Sampler(Targets targets, ProcReader proc, int delayMs) {
        this.targets = targets;
        this.proc = proc;
        this.gcThreads = new GcThreads(proc, targets.appPid());
        probeDelay(delayMs);
    }

    /** The downstream delay the stub probe asks for (the stub's overhead is measured above it). */
    public void probeDelay(int delayMs) {
        this.stubProbe = URI.create("http://127.0.0.1:" + targets.stubPort() + "/delay?ms=" + delayMs + "&bytes=128");
        this.probeTimeout = Duration.ofMillis(delayMs).plus(PROBE_GRACE);
    }

    public Sampler start() {
        timer.scheduleAtFixedRate(this::scrapeSafely, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::sampleSafely, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::probeStubSafely, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::probeHealthSafely, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** A reading now with a scrape of its own, outside the schedule: the counters first, then the scrape. */
    public Sample sampleNow() {
        Sample counters = read(null, false);
        long at = System.currentTimeMillis();
        Optional<Scrape> scrape = targets.actuator().scrape();
        return new Sample(
                counters.epochMs(),
                scrape.orElse(Scrape.EMPTY),
                scrape.isEmpty(),
                scrape.isPresent() ? at : -1,
                counters.app(),
                counters.stub(),
                counters.loadGen(),
                counters.appCpusBusySeconds(),
                counters.gcCpuSeconds(),
                counters.cgroup());
    }

    /**
     * The counters at this instant, with the given scrape. They never wait for the app: a scrape can
     * wait seconds in an overloaded server's queue (Tomcat's, behind thousands of requests), and
     * readings that waited with it would leave a window without the two it needs for a CPU figure.
     */
    private Sample read(Answered answered, boolean unanswered) {
        long lg = targets.loadGenPid().getAsLong();
        long now = System.currentTimeMillis();
        var app = proc.read(targets.appPid()).orElse(null);
        var stub = proc.read(targets.stubPid()).orElse(null);
        var loadGen = lg > 0 ? proc.read(lg).orElse(null) : null;
        var busy = proc.busySeconds(targets.appCpus());
        var gc = gcThreads.cpuSeconds().orElse(null);
        var cgroup = targets.cgroup().get().orElse(null);
        return new Sample(
                now,
                answered == null ? Scrape.EMPTY : answered.scrape(),
                unanswered,
                answered == null ? -1 : answered.atMs(),
                app,
                stub,
                loadGen,
                busy,
                gc,
                cgroup);
    }

    private void scrapeSafely() {
        long at = System.currentTimeMillis();
        try {
            targets.actuator()
                    .scrape()
                    .ifPresentOrElse(
                            s -> lastAnswered.set(new Answered(at, s)), unansweredSinceSample::incrementAndGet);
        } catch (RuntimeException e) {
            unansweredSinceSample.incrementAndGet();
        }
    }

    private void sampleSafely() {
        try {
            Sample s = read(lastAnswered.get(), unansweredSinceSample.getAndSet(0) > 0);
            synchronized (samples) {
                samples.add(s);
            }
        } catch (RuntimeException e) {
            // one lost sample is not worth failing a run for
        }
    }

    private void probeStubSafely() {
        long now = System.currentTimeMillis();
        double ms = probeStub();
        if (!Double.isNaN(ms)) { // NaN: cut short by close(), says nothing about the stub
            synchronized (stubProbes) {
                stubProbes.add(new Probe(now, ms));
            }
        }
    }

    private void probeHealthSafely() {
        long now = System.currentTimeMillis();
        double ms = targets.actuator().healthLatencyMs().orElse(-1.0);
        synchronized (healthProbes) {
            healthProbes.add(new Probe(now, ms));
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
            return status == HTTP_OK ? (System.nanoTime() - start) / NANOS_PER_MS : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Every sample so far, in time order. */
    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    public List<Probe> stubProbes() {
        synchronized (stubProbes) {
            return List.copyOf(stubProbes);
        }
    }

    public List<Probe> healthProbes() {
        synchronized (healthProbes) {
            return List.copyOf(healthProbes);
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
