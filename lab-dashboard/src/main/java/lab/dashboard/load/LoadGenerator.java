package lab.dashboard.load;

import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * latencies into HdrHistogram from each request's intended send time.
 *
 * <p>Each target is driven from one event loop of its own (round robin over the loops): its
 * open-model arrivals are a timer on that loop, its closed-model users send their next request
 * from the completion of the previous one, and its connections live on that loop (Reactor
 * Netty's loops are colocated), so a request never hops between threads.
 */
@Component
public class LoadGenerator implements SmartLifecycle, DisposableBean {

    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final double NANOS_PER_S = 1e9;
    private static final double NANOS_PER_MS = 1e6;

    private final Map<String, TargetLoad> targets = new LinkedHashMap<>();
    private final LoopResources loops;
    private final List<ConnectionProvider> pools;
    private volatile boolean running;

    // sampling: one caller at a time (synchronized)
    private long lastCpuNanos = processCpuNanos();
    private long lastAnswered;
    private long lastSampleNanos = System.nanoTime();

    LoadGenerator(DashboardProperties properties) {
        DashboardProperties.Load load = properties.load();
        int workers =
                load.eventLoops() > 0 ? load.eventLoops() : Runtime.getRuntime().availableProcessors();
        this.loops = LoopResources.create("loadgen", workers, true);
        EventLoopGroup group = loops.onClient(LoopResources.hasNativeSupport());
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
            targets.put(
                    target.name(),
                    new TargetLoad(target.name(), client, group.next(), load.path(), load.maxInFlight()));
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
    }

    /** The setting of every target, in the order the targets were given. */
    public Map<String, LoadSetting> settings() {
        Map<String, LoadSetting> settings = new LinkedHashMap<>();
        targets.forEach((name, t) -> settings.put(name, t.setting()));
        return settings;
    }

    /** One interval: every target's figures and the generator's own cost. */
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
        boolean knowCpu = cpu >= 0 && lastCpuNanos >= 0;
        Double cpuCores = knowCpu ? (cpu - lastCpuNanos) / NANOS_PER_S / seconds : null;
        Double msPerRequest = knowCpu && answers > 0 ? (cpu - lastCpuNanos) / NANOS_PER_MS / answers : null;
        lastCpuNanos = cpu;
        lastAnswered = answered;
        return new Sample(figures, new LoadGeneratorFigures(cpuCores, msPerRequest, answers / seconds, lag));
    }

    /** One interval of the load generator. */
    public record Sample(Map<String, ClientFigures> targets, LoadGeneratorFigures generator) {}

    /** CPU time of this whole JVM, or -1 where the JDK does not tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Load off everywhere; connections stay pooled until {@link #destroy()} (a paused test context restarts). */
    @Override
    public void stop() {
        targets.values().forEach(t -> t.apply(LoadSetting.OFF));
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        pools.forEach(ConnectionProvider::dispose);
        loops.dispose();
    }
}
