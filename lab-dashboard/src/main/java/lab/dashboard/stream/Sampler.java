package lab.dashboard.stream;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import lab.dashboard.DashboardProperties;
import lab.dashboard.load.LoadGenerator;
import lab.dashboard.load.LoadSetting;
import lab.dashboard.scrape.AppReading;
import lab.dashboard.scrape.StubReading;
import lab.dashboard.scrape.Watchers;
import lab.dashboard.stub.StubAdmin;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Once per interval: takes the load generator's interval and the latest scrapes, makes one
 * {@link Snapshot}, keeps it in the history and hands it to every open stream. A slow stream
 * client misses events rather than holding up the others.
 */
@Component
public class Sampler implements SmartLifecycle {

    private final Watchers watchers;
    private final LoadGenerator load;
    private final StubAdmin stubAdmin;
    private final DashboardProperties properties;
    private volatile Sinks.Many<Snapshot> sink = newSink();
    private final Deque<Snapshot> history = new ArrayDeque<>();
    private final int historySize;
    private volatile Disposable ticking;
    private long seq;

    Sampler(Watchers watchers, LoadGenerator load, StubAdmin stubAdmin, DashboardProperties properties) {
        this.watchers = watchers;
        this.load = load;
        this.stubAdmin = stubAdmin;
        this.properties = properties;
        this.historySize = properties.sampling().historySize();
    }

    private static Sinks.Many<Snapshot> newSink() {
        return Sinks.many().multicast().directBestEffort();
    }

    /** Every event from now on (until the dashboard stops: then the stream ends). */
    public Flux<Snapshot> live() {
        return sink.asFlux();
    }

    /** The events of the last {@code sampling.history}, oldest first. */
    public synchronized List<Snapshot> history() {
        return new ArrayList<>(history);
    }

    /** The latest event, or null before the first. */
    public synchronized Snapshot latest() {
        return history.peekLast();
    }

    synchronized Snapshot sampleNow() {
        LoadGenerator.Sample loadSample = load.sample();
        Map<String, AppReading> readings = watchers.apps();
        Map<String, LoadSetting> settings = load.settings();
        List<Snapshot.App> apps = new ArrayList<>();
        for (var target : watchers.targets()) {
            AppReading r = readings.get(target.name());
            apps.add(new Snapshot.App(
                    target.name(),
                    target.url().toString(),
                    r.status(),
                    r.error(),
                    r.info(),
                    r.scrapeMs(),
                    r.ageMs(),
                    settings.get(target.name()),
                    loadSample.targets().get(target.name()),
                    r.server()));
        }
        StubReading stubReading = watchers.stub();
        Snapshot.Stub stub = stubReading == null
                ? null
                : new Snapshot.Stub(
                        properties.stub().toString(),
                        stubReading.status(),
                        stubReading.error(),
                        stubAdmin.current(),
                        stubReading.figures());
        Snapshot snapshot = new Snapshot(
                Snapshot.SCHEMA,
                ++seq,
                System.currentTimeMillis(),
                properties.sampling().interval().toMillis(),
                List.copyOf(apps),
                stub,
                loadSample.generator());
        history.addLast(snapshot);
        while (history.size() > historySize) {
            history.removeFirst();
        }
        return snapshot;
    }

    @Override
    public synchronized void start() {
        Duration interval = properties.sampling().interval();
        Sinks.Many<Snapshot> out = sink;
        ticking = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .map(tick -> sampleNow())
                .subscribe(out::tryEmitNext);
    }

    /** Ends every open stream (so shutdown need not wait for them); a restart gets a new sink. */
    @Override
    public synchronized void stop() {
        Disposable t = ticking;
        if (t != null) {
            t.dispose();
        }
        ticking = null;
        sink.tryEmitComplete();
        sink = newSink();
    }

    @Override
    public boolean isRunning() {
        return ticking != null;
    }
}
