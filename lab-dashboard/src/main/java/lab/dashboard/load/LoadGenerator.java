package lab.dashboard.load;

import io.netty.channel.ChannelOption;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import lab.dashboard.DashboardProperties;
import lab.dashboard.DashboardProperties.Target;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The built-in load generator: Reactor Netty's non-blocking HTTP client on event loops of its
 * own (the page and the scrapes never wait behind the load), one connection pool per target,
 * latencies into HdrHistogram from each request's intended send time. Closed-model users chain
 * their requests on the event loops; open-model arrivals come from one ticker thread that sends
 * whatever is due, so a late tick shows up as latency, never as a lower rate.
 */
@Component
public class LoadGenerator implements SmartLifecycle, DisposableBean {

    /** The ticker sleeps at most this long when nothing is due (a new setting wakes it at once). */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /**
     * ... and at least this long between wake-ups: 0.2 ms keeps the ticker's own CPU low at
     * 20,000 arrivals/s (a few per wake-up); the intended send times stay exact.
     */
    private static final long MIN_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final double NANOS_PER_S = 1e9;
    private static final double NANOS_PER_MS = 1e6;

    private final Map<String, TargetLoad> targets = new LinkedHashMap<>();
    private final LoopResources loops;
    private final List<ConnectionProvider> pools;
    private volatile Thread ticker;
    private volatile boolean running;

    // sampling: the sampler's thread only
    private long lastCpuNanos = processCpuNanos();
    private long lastAnswered;
    private long lastSampleNanos = System.nanoTime();

    LoadGenerator(DashboardProperties properties) {
        DashboardProperties.Load load = properties.load();
        int workers =
                load.eventLoops() > 0 ? load.eventLoops() : Runtime.getRuntime().availableProcessors();
        // not colocated: a request sent from an event loop (a closed-model user's next one) may
        // get a new connection on any loop, so the load spreads over all of them
        this.loops = LoopResources.create("loadgen", 1, workers, true, false);
        List<ConnectionProvider> created = new java.util.ArrayList<>();
        for (Target target : properties.targets()) {
            ConnectionProvider pool = ConnectionProvider.builder("loadgen-" + target.name())
                    .maxConnections(load.maxConnections())
                    .pendingAcquireMaxCount(load.maxInFlight())
                    .pendingAcquireTimeout(load.responseTimeout())
                    .build();
            created.add(pool);
            HttpClient client = HttpClient.create(pool)
                    .runOn(loops)
                    .baseUrl(target.base())
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                    .responseTimeout(load.responseTimeout());
            targets.put(target.name(), new TargetLoad(target.name(), client, load.path(), load.maxInFlight()));
        }
        this.pools = List.copyOf(created);
    }

    public boolean has(String target) {
        return targets.containsKey(target);
    }

    /** Applies {@code setting} to one target, or to every target when {@code target} is null. */
    public void apply(String target, LoadSetting setting) {
        if (target == null) {
            targets.values().forEach(t -> t.apply(setting));
        } else {
            targets.get(target).apply(setting);
        }
        Thread t = ticker;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** The setting of every target, in the order the targets were given. */
    public Map<String, LoadSetting> settings() {
        Map<String, LoadSetting> settings = new LinkedHashMap<>();
        targets.forEach((name, t) -> settings.put(name, t.setting()));
        return settings;
    }

    /** One interval: every target's figures and the generator's own cost (one caller at a time). */
    public synchronized Sample sample() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastSampleNanos) / NANOS_PER_S);
        lastSampleNanos = now;
        Map<String, ClientFigures> figures = new LinkedHashMap<>();
        double lag = 0;
        long answered = 0;
        for (TargetLoad t : targets.values()) {
            figures.put(t.name(), t.sample(seconds));
            lag = Math.max(lag, t.takeMaxSendLagMs());
            answered += t.answered();
        }
        long cpu = processCpuNanos();
        long answers = answered - lastAnswered;
        Double cpuCores = cpu < 0 || lastCpuNanos < 0 ? null : (cpu - lastCpuNanos) / NANOS_PER_S / seconds;
        Double msPerRequest =
                cpu < 0 || lastCpuNanos < 0 || answers == 0 ? null : (cpu - lastCpuNanos) / NANOS_PER_MS / answers;
        lastCpuNanos = cpu;
        lastAnswered = answered;
        return new Sample(figures, new LoadGeneratorFigures(cpuCores, msPerRequest, answers / seconds, lag));
    }

    /** One interval of the load generator. */
    public record Sample(Map<String, ClientFigures> targets, LoadGeneratorFigures generator) {}

    private void tick() {
        while (running) {
            long now = System.nanoTime();
            long next = Long.MAX_VALUE;
            for (TargetLoad t : targets.values()) {
                next = Math.min(next, t.sendDue(now));
            }
            long wait = next == Long.MAX_VALUE ? IDLE_PARK_NANOS : next - System.nanoTime();
            LockSupport.parkNanos(Math.min(IDLE_PARK_NANOS, Math.max(MIN_PARK_NANOS, wait)));
        }
    }

    /** CPU time of this whole JVM, or -1 where the JDK does not tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Starts the ticker; again after a {@link #stop()} (a paused test context is restarted). */
    @Override
    public synchronized void start() {
        running = true;
        ticker = Thread.ofPlatform().name("loadgen-ticker").daemon().start(this::tick);
    }

    /** Load off everywhere, the ticker ends; connections stay pooled until {@link #destroy()}. */
    @Override
    public synchronized void stop() {
        running = false;
        targets.values().forEach(t -> t.apply(LoadSetting.OFF));
        Thread t = ticker;
        if (t != null) {
            LockSupport.unpark(t);
        }
        ticker = null;
    }

    @Override
    public void destroy() {
        pools.forEach(ConnectionProvider::dispose);
        loops.dispose();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
