package lab.dashboard.scrape;

import java.util.concurrent.TimeUnit;
import lab.dashboard.DashboardProperties.Target;
import reactor.core.publisher.Mono;

/** Scrapes one app: keeps its last scrape, the figures between the last two, and its state. */
final class AppWatch {

    static final String UP = "up";
    static final String DOWN = "down";
    static final String STARTING = "starting";

    private final Target target;
    private final ScrapeClient client;

    // written by the one scrape in progress, read by the sampler
    private volatile Scrape last;
    private volatile ServerFigures figures;
    private volatile AppInfo info;
    private volatile String status = STARTING;
    private volatile String error;
    private volatile Long scrapeMs;
    private volatile long lastSuccessNanos;

    AppWatch(Target target, ScrapeClient client) {
        this.target = target;
        this.client = client;
    }

    Target target() {
        return target;
    }

    /** One scrape; never fails (a failure marks the app down). */
    Mono<Void> scrapeOnce() {
        long start = System.nanoTime();
        return client.prometheus(target.base())
                .flatMap(scrape -> info == null
                        ? client.info(target.base())
                                .map(AppInfo::from)
                                .doOnNext(i -> info = i)
                                .onErrorResume(e -> Mono.empty())
                                .thenReturn(scrape)
                        : Mono.just(scrape))
                .doOnNext(scrape -> {
                    Scrape previous = last;
                    figures = previous == null ? null : ServerFigures.between(previous, scrape);
                    last = scrape;
                    lastSuccessNanos = scrape.nanos();
                    scrapeMs = TimeUnit.NANOSECONDS.toMillis(scrape.nanos() - start);
                    status = UP;
                    error = null;
                })
                .onErrorResume(e -> {
                    last = null;
                    figures = null;
                    info = null; // a restarted app may be another variant
                    scrapeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    status = DOWN;
                    error = client.describe(e);
                    return Mono.empty();
                })
                .then();
    }

    AppReading reading() {
        long success = lastSuccessNanos;
        Long age = success == 0 ? null : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - success);
        return new AppReading(status, error, info, scrapeMs, age, figures);
    }
}
