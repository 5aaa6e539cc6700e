package lab.dashboard.scrape;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.dashboard.DashboardProperties;
import lab.dashboard.DashboardProperties.Target;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scrapes every app, and the stub, once per interval. A scrape that takes longer than the
 * interval (a saturated Tomcat queues it) makes the next one wait: ticks that come while a scrape
 * is running are dropped, never queued.
 */
@Component
public class Watchers implements SmartLifecycle {

    private final Map<String, AppWatch> apps = new LinkedHashMap<>();
    private final StubWatch stub;
    private final ScrapeClient client;
    private final DashboardProperties.Sampling sampling;
    private volatile Disposable.Composite running;

    Watchers(DashboardProperties properties, JsonMapper json) {
        this.sampling = properties.sampling();
        this.client = new ScrapeClient(json, sampling.scrapeTimeout());
        for (Target target : properties.targets()) {
            apps.put(target.name(), new AppWatch(target, client));
        }
        URI stubUrl = properties.stub();
        this.stub = stubUrl == null ? null : new StubWatch(new Target("stub", stubUrl), client);
    }

    /** The latest reading of every app, in the order the targets were given. */
    public Map<String, AppReading> apps() {
        Map<String, AppReading> readings = new LinkedHashMap<>();
        apps.forEach((name, watch) -> readings.put(name, watch.reading()));
        return readings;
    }

    public List<Target> targets() {
        return apps.values().stream().map(AppWatch::target).toList();
    }

    /** The stub's reading, or null when no stub was given. */
    public StubReading stub() {
        return stub == null ? null : stub.reading();
    }

    @Override
    public synchronized void start() {
        Disposable.Composite scrapes = Disposables.composite();
        apps.values().forEach(watch -> scrapes.add(every(watch::scrapeOnce)));
        if (stub != null) {
            scrapes.add(every(stub::scrapeOnce));
        }
        running = scrapes;
    }

    private Disposable every(java.util.function.Supplier<Mono<Void>> scrape) {
        return Flux.interval(java.time.Duration.ZERO, sampling.interval())
                .onBackpressureDrop()
                .flatMap(tick -> scrape.get(), 1)
                .subscribe();
    }

    @Override
    public synchronized void stop() {
        Disposable.Composite scrapes = running;
        if (scrapes != null) {
            scrapes.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /** The stub's meters, scraped like an app's. */
    static final class StubWatch {
        private final Target target;
        private final ScrapeClient client;
        private volatile Scrape last;
        private volatile StubFigures figures;
        private volatile String status = AppWatch.STARTING;
        private volatile String error;

        StubWatch(Target target, ScrapeClient client) {
            this.target = target;
            this.client = client;
        }

        Mono<Void> scrapeOnce() {
            return client.prometheus(target.base())
                    .doOnNext(scrape -> {
                        Scrape previous = last;
                        figures = previous == null ? null : StubFigures.between(previous, scrape);
                        last = scrape;
                        status = AppWatch.UP;
                        error = null;
                    })
                    .onErrorResume(e -> {
                        last = null;
                        figures = null;
                        status = AppWatch.DOWN;
                        error = client.describe(e);
                        return Mono.empty();
                    })
                    .then();
        }

        StubReading reading() {
            return new StubReading(status, error, figures);
        }
    }
}
