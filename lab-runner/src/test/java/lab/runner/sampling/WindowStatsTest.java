package lab.runner.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import lab.runrecord.Measurement;
import org.junit.jupiter.api.Test;

/**
 * A steady window from 10.0 s to 18.5 s (epoch ms 10,000 to 18,500) sampled every second from
 * 10.2 s: nine samples, 8 s from first to last. One sample before it (the ramp) and one after it
 * carry absurd figures: they must never count.
 */
class WindowStatsTest {

    private static final long FROM = 10_000;
    private static final long TO = 18_500;
    private static final double MIB = 1024 * 1024;
    private static final double EPS = 1e-9;

    /** The app's meters k seconds into the window. */
    private static String[] metrics(int k) {
        long served = 1000 + 2000L * k;
        return new String[] {
            "jvm_threads_live_threads " + (30 + k % 2),
            "tomcat_threads_busy_threads{name=\"http-nio-8081\"} " + (k == 3 ? 200 : 150 + k),
            "lab_requests_in_progress " + (100 + k),
            "reactor_netty_eventloop_pending_tasks{name=\"reactor-http-epoll-1\"} 3",
            "reactor_netty_eventloop_pending_tasks{name=\"reactor-http-epoll-2\"} " + (k == 5 ? 14 : 4),
            // two G1 pause series: 0.05 s of pauses per second in all, the longest pause 50 ms
            "jvm_gc_pause_seconds_count{action=\"end of minor GC\",cause=\"G1 Evacuation Pause\"} " + (100 + 5 * k),
            "jvm_gc_pause_seconds_sum{action=\"end of minor GC\",cause=\"G1 Evacuation Pause\"} " + (1.0 + 0.04 * k),
            "jvm_gc_pause_seconds_max{action=\"end of minor GC\",cause=\"G1 Evacuation Pause\"} 0.02",
            "jvm_gc_pause_seconds_count{action=\"end of minor GC\",cause=\"G1 Humongous Allocation\"} 10",
            "jvm_gc_pause_seconds_sum{action=\"end of minor GC\",cause=\"G1 Humongous Allocation\"} "
                    + (0.2 + 0.01 * k),
            "jvm_gc_pause_seconds_max{action=\"end of minor GC\",cause=\"G1 Humongous Allocation\"} 0.05",
            "jvm_gc_live_data_size_bytes " + (800 + 10 * k) * MIB,
            "jvm_gc_max_data_size_bytes " + 1024 * MIB,
            "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"} " + (100 + 10 * k) * MIB,
            "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"} " + 700 * MIB,
            "jvm_memory_used_bytes{area=\"nonheap\",id=\"Metaspace\"} " + 150 * MIB,
            // the server's timer: 2,000 requests a second, 110 ms each on average
            "http_server_requests_seconds_count{method=\"GET\",uri=\"/api/io\"} " + served,
            "http_server_requests_seconds_sum{method=\"GET\",uri=\"/api/io\"} " + (110 + 220.0 * k),
            "http_server_requests_seconds_bucket{method=\"GET\",uri=\"/api/io\",le=\"0.1\"} " + (100 + 125 * k),
            "http_server_requests_seconds_bucket{method=\"GET\",uri=\"/api/io\",le=\"0.2\"} " + (900 + 1950 * k),
            "http_server_requests_seconds_bucket{method=\"GET\",uri=\"/api/io\",le=\"0.5\"} " + served,
            "http_server_requests_seconds_bucket{method=\"GET\",uri=\"/api/io\",le=\"+Inf\"} " + served,
            // the lab's own scrapes: slow, and never part of the app's figures
            "http_server_requests_seconds_count{method=\"GET\",uri=\"/actuator/prometheus\"} " + 10 * k,
            "http_server_requests_seconds_sum{method=\"GET\",uri=\"/actuator/prometheus\"} " + 30.0 * k,
            "http_server_requests_seconds_bucket{method=\"GET\",uri=\"/actuator/prometheus\",le=\"+Inf\"} " + 10 * k,
            "http_client_requests_seconds_count{uri=\"/delay\"} " + served,
            "http_client_requests_seconds_sum{uri=\"/delay\"} " + (101 + 200.0 * k),
            // Apache HttpClient 5's pool: 50 connections, all leased and 5 calls waiting at 6 s
            "httpcomponents_httpclient_pool_total_connections{httpclient=\"lab\",state=\"leased\"} "
                    + (k == 6 ? 50 : 40),
            "httpcomponents_httpclient_pool_total_connections{httpclient=\"lab\",state=\"available\"} "
                    + (k == 6 ? 0 : 10),
            "httpcomponents_httpclient_pool_total_pending{httpclient=\"lab\"} " + (k == 6 ? 5 : 0),
            "httpcomponents_httpclient_pool_total_max{httpclient=\"lab\"} 50"
        };
    }

    /** The sample k seconds into the window (at 10.2 + k s). */
    private static Samples.Builder inside(int k) {
        return Samples.at(FROM + 200 + 1000L * k)
                .metrics(metrics(k))
                .app(100 + 0.8 * k, 800 + 10 * k, 40 + k)
                .stub(50 + 0.1 * k)
                .loadGen(20 + 0.3 * k)
                .appCpusBusy(500 + 0.9 * k)
                .gcCpu(5 + 0.08 * k)
                .cgroup(1000 + 10L * k, 100 + 3L * k, k == 4 ? 760 : 700 + k, 1024, 2);
    }

    /** Absurd figures, before or after the window. */
    private static Sample outside(long epochMs) {
        return Samples.at(epochMs)
                .metrics(
                        "tomcat_threads_busy_threads{name=\"http-nio-8081\"} 999",
                        "lab_requests_in_progress 99999",
                        "jvm_gc_pause_seconds_max{action=\"end of major GC\",cause=\"System.gc()\"} 9")
                .app(epochMs / 10.0, 9999, 9999)
                .stub(0)
                .loadGen(0)
                .appCpusBusy(0)
                .gcCpu(0)
                .cgroup(0, 0, 9999, 1024, 0)
                .build();
    }

    private static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        samples.add(outside(FROM - 500));
        for (int k = 8; k >= 0; k--) { // out of order: the window sorts them
            samples.add(inside(k).build());
        }
        samples.add(outside(TO + 700));
        return samples;
    }

    private static final List<Probe> STUB_PROBES = List.of(
            new Probe(FROM - 300, 9000), // the ramp: left out
            new Probe(FROM + 300, 102),
            new Probe(FROM + 1300, 103),
            new Probe(FROM + 2300, 101),
            new Probe(FROM + 3300, 104),
            new Probe(FROM + 4300, 150));

    private static final List<Probe> HEALTH_PROBES = List.of(
            new Probe(FROM - 300, 500),
            new Probe(FROM + 300, 3),
            new Probe(FROM + 1300, 5),
            new Probe(FROM + 2300, 4),
            new Probe(FROM + 3300, -1));

    private static WindowStats window() {
        return WindowStats.of(samples(), STUB_PROBES, HEALTH_PROBES, FROM, TO);
    }

    @Test
    void onlyTheSamplesInsideTheWindowCount() {
        WindowStats w = window();

        assertThat(w.samples()).isEqualTo(9);
        assertThat(w.seconds()).isCloseTo(8, within(EPS));
        assertThat(w.app(2000, null).threadsBusyMax()).isEqualTo(200);
        assertThat(w.app(2000, null).inFlightMax()).isEqualTo(108);
        assertThat(w.app(2000, null).rssMiB()).isCloseTo(880, within(0.001));
        assertThat(w.app(2000, null).osThreads()).isEqualTo(48);
    }

    @Test
    void cpuIsTheDeltaOfCpuSecondsOverTheWindow() {
        Measurement.App app = window().app(2000, 1.5);

        // (106.4 - 100) CPU seconds over 8 s
        assertThat(app.cpuCores()).isCloseTo(0.8, within(EPS));
        assertThat(app.cpuMsPerRequest()).isCloseTo(0.4, within(EPS));
        assertThat(app.contextSwitchesPerRequest()).isEqualTo(1.5);
        assertThat(window().app(0, null).cpuMsPerRequest()).isNull();
    }

    @Test
    void theJvmsMetersAreReadOverTheWindow() {
        Measurement.App app = window().app(2000, null);

        assertThat(app.jvmThreadsLive()).isEqualTo(31);
        // the two event loops' queues together, at their highest
        assertThat(app.eventLoopPendingMax()).isEqualTo(17);
        assertThat(app.failedScrapes()).isZero();
        assertThat(app.threadStacks()).isNull();
    }

    @Test
    void gcPauseShareIsThePauseSecondsOfTheWindowOverItsLength() {
        Measurement.Gc gc = window().app(2000, null).gc();

        // both series together: 0.05 s of pauses per second
        assertThat(gc.pauseShare()).isCloseTo(0.05, within(EPS));
        assertThat(gc.pauses()).isEqualTo(40);
        // the longest pause of any series, not the sum of their maxima (70 ms)
        assertThat(gc.maxPauseMs()).isCloseTo(50, within(EPS));
        // GC threads used 0.08 cores of the app's 0.8
        assertThat(gc.cpuShare()).isCloseTo(0.1, within(EPS));
    }

    @Test
    void theHeapLiveAfterGcIsTheLastReadingAgainstTheHeapsMaximum() {
        Measurement.Heap heap = window().app(2000, null).heap();

        assertThat(heap.liveAfterGcMiB()).isCloseTo(880, within(EPS));
        assertThat(heap.maxMiB()).isCloseTo(1024, within(EPS));
        assertThat(heap.liveShare()).isCloseTo(880.0 / 1024, within(EPS));
        // Eden 180 + old 700 at its highest; Metaspace is not heap
        assertThat(heap.usedMaxMiB()).isCloseTo(880, within(EPS));
    }

    @Test
    void tomcatOnVirtualThreadsHasNoBusyThreadsToCount() {
        // Tomcat reports -1 busy threads when its executor runs virtual threads
        List<Sample> vt = List.of(
                Samples.at(FROM + 200)
                        .metrics("tomcat_threads_busy_threads{name=\"http-nio-8081\"} -1")
                        .build(),
                Samples.at(FROM + 1200)
                        .metrics("tomcat_threads_busy_threads{name=\"http-nio-8081\"} -1")
                        .build());

        WindowStats stats = WindowStats.of(vt, List.of(), List.of(), FROM, TO);

        assertThat(stats.app(2000, null).threadsBusyMax()).isNull();
        assertThat(stats.series())
                .allSatisfy(point -> assertThat(point.threadsBusy()).isNull());
    }

    @Test
    void noCollectionOfTheOldGenerationYetLeavesTheLiveHeapUnknownNotZero() {
        // the JVM reports 0 bytes live until its first old-generation (or mixed) collection
        List<Sample> young = List.of(
                Samples.at(FROM + 200).metrics("jvm_gc_live_data_size_bytes 0").build(),
                Samples.at(FROM + 1200).metrics("jvm_gc_live_data_size_bytes 0").build());

        Measurement.Heap heap = WindowStats.of(young, List.of(), List.of(), FROM, TO)
                .app(2000, null)
                .heap();

        assertThat(heap.liveAfterGcMiB()).isNull();
        assertThat(heap.liveShare()).isNull();
    }

    @Test
    void theClientPoolOfApacheHttpClient5() {
        Measurement.ClientPool pool = window().app(2000, null).clientPool();

        assertThat(pool.activeMax()).isEqualTo(50);
        assertThat(pool.pendingMax()).isEqualTo(5);
        assertThat(pool.maxConnections()).isEqualTo(50);
    }

    @Test
    void theClientPoolOfReactorNetty() {
        String[] netty = {
            "reactor_netty_connection_provider_active_connections{id=\"1\",name=\"http\",remote_address=\"127.0.0.1:8090\"} 480",
            "reactor_netty_connection_provider_active_connections{id=\"2\",name=\"http\",remote_address=\"127.0.0.1:8091\"} 20",
            "reactor_netty_connection_provider_pending_connections{id=\"1\",name=\"http\",remote_address=\"127.0.0.1:8090\"} 12",
            "reactor_netty_connection_provider_max_connections{id=\"1\",name=\"http\",remote_address=\"127.0.0.1:8090\"} 500",
            "reactor_netty_connection_provider_max_connections{id=\"2\",name=\"http\",remote_address=\"127.0.0.1:8091\"} 500"
        };
        List<Sample> samples = List.of(
                Samples.at(FROM + 100).metrics(netty).build(),
                Samples.at(FROM + 1100)
                        .metrics("reactor_netty_connection_provider_active_connections 10")
                        .build());

        Measurement.ClientPool pool =
                WindowStats.of(samples, List.of(), List.of(), FROM, TO).clientPool();

        // connections in use summed over the providers; the limit is a provider's own, not their sum
        assertThat(pool.activeMax()).isEqualTo(500);
        assertThat(pool.pendingMax()).isEqualTo(12);
        assertThat(pool.maxConnections()).isEqualTo(500);
    }

    /**
     * webflux-app's scrape in the pool scenario (--lab.downstream.max-connections=50, 200 concurrent
     * /api/io?delayMs=2000), copied from the real app: its app-core HttpClient 5 pool (/api/blocking-io,
     * /api/offloaded-io) idle, the WebClient's Reactor Netty pool full with calls waiting.
     */
    private static String[] webfluxPools(double nettyActive, double nettyPending, double hc5Leased) {
        return new String[] {
            "httpcomponents_httpclient_pool_total_connections{application=\"webflux-app\",httpclient=\"downstream\",state=\"available\"} 0.0",
            "httpcomponents_httpclient_pool_total_connections{application=\"webflux-app\",httpclient=\"downstream\",state=\"leased\"} "
                    + hc5Leased,
            "httpcomponents_httpclient_pool_total_max{application=\"webflux-app\",httpclient=\"downstream\"} 50.0",
            "httpcomponents_httpclient_pool_total_pending{application=\"webflux-app\",httpclient=\"downstream\"} 0.0",
            "reactor_netty_connection_provider_active_connections{application=\"webflux-app\",id=\"1793617628\",name=\"downstream\",remote_address=\"127.0.0.1:18090\"} "
                    + nettyActive,
            "reactor_netty_connection_provider_idle_connections{application=\"webflux-app\",id=\"1793617628\",name=\"downstream\",remote_address=\"127.0.0.1:18090\"} 0.0",
            "reactor_netty_connection_provider_max_connections{application=\"webflux-app\",id=\"1793617628\",name=\"downstream\",remote_address=\"127.0.0.1:18090\"} 50.0",
            "reactor_netty_connection_provider_max_pending_connections{application=\"webflux-app\",id=\"1793617628\",name=\"downstream\",remote_address=\"127.0.0.1:18090\"} 2.147483647E9",
            "reactor_netty_connection_provider_pending_connections{application=\"webflux-app\",id=\"1793617628\",name=\"downstream\",remote_address=\"127.0.0.1:18090\"} "
                    + nettyPending,
            "reactor_netty_connection_provider_total_connections{application=\"webflux-app\",id=\"1793617628\",name=\"downstream\",remote_address=\"127.0.0.1:18090\"} "
                    + nettyActive
        };
    }

    @Test
    void webfluxsWebClientPoolIsReadEvenThoughItsIdleHttpClient5PoolIsScrapedToo() {
        List<Sample> samples = List.of(
                Samples.at(FROM + 200).metrics(webfluxPools(50, 136, 0)).build(),
                Samples.at(FROM + 1200).metrics(webfluxPools(50, 100, 0)).build());

        Measurement.ClientPool pool =
                WindowStats.of(samples, List.of(), List.of(), FROM, TO).clientPool();

        // "client pool 50 of 50 connections in use, up to 136 calls waiting", not the idle pool's 0 of 50
        assertThat(pool.activeMax()).isEqualTo(50);
        assertThat(pool.pendingMax()).isEqualTo(136);
        assertThat(pool.maxConnections()).isEqualTo(50);
    }

    @Test
    void webfluxsHttpClient5PoolIsReadWhenTheLoadUsesIt() {
        // /api/offloaded-io: the blocking client's pool leased, the WebClient's idle since the warm-up
        List<Sample> samples = List.of(
                Samples.at(FROM + 200).metrics(webfluxPools(0, 0, 12)).build(),
                Samples.at(FROM + 1200).metrics(webfluxPools(0, 0, 20)).build());

        Measurement.ClientPool pool =
                WindowStats.of(samples, List.of(), List.of(), FROM, TO).clientPool();

        assertThat(pool.activeMax()).isEqualTo(20);
        assertThat(pool.pendingMax()).isEqualTo(0);
        assertThat(pool.maxConnections()).isEqualTo(50);
    }

    /** mvc-app's scrape with 100 fan-outs of 4 calls in progress (copied from the running app). */
    private static final String[] FANOUT_EXECUTOR_FULL = {
        "executor_active_threads{application=\"mvc-app\",name=\"applicationTaskExecutor\"} 256.0",
        "executor_completed_tasks_total{application=\"mvc-app\",name=\"applicationTaskExecutor\"} 400.0",
        "executor_pool_core_threads{application=\"mvc-app\",name=\"applicationTaskExecutor\"} 256.0",
        "executor_pool_max_threads{application=\"mvc-app\",name=\"applicationTaskExecutor\"} 256.0",
        "executor_pool_size_threads{application=\"mvc-app\",name=\"applicationTaskExecutor\"} 256.0",
        "executor_queue_remaining_tasks{application=\"mvc-app\",name=\"applicationTaskExecutor\"} 9856.0",
        "executor_queued_tasks{application=\"mvc-app\",name=\"applicationTaskExecutor\"} 144.0",
        // not mvc-app's: a second executor made up to show it never counts as the fan-out's
        "executor_active_threads{application=\"mvc-app\",name=\"taskScheduler\"} 1.0",
        "executor_queued_tasks{application=\"mvc-app\",name=\"taskScheduler\"} 9.0",
        "executor_pool_max_threads{application=\"mvc-app\",name=\"taskScheduler\"} 1.0"
    };

    @Test
    void theFanoutExecutorIsSpringBootsApplicationTaskExecutor() {
        List<Sample> samples = List.of(
                Samples.at(FROM + 100).metrics(FANOUT_EXECUTOR_FULL).build(),
                Samples.at(FROM + 1100)
                        .metrics(
                                "executor_active_threads{application=\"mvc-app\",name=\"applicationTaskExecutor\"} 208.0",
                                "executor_pool_max_threads{application=\"mvc-app\",name=\"applicationTaskExecutor\"} 256.0",
                                "executor_queued_tasks{application=\"mvc-app\",name=\"applicationTaskExecutor\"} 0.0")
                        .build());

        Measurement.Executor executor = WindowStats.of(samples, List.of(), List.of(), FROM, TO)
                .app(634, null)
                .executor();

        assertThat(executor.activeMax()).isEqualTo(256);
        assertThat(executor.queuedMax()).isEqualTo(144);
        assertThat(executor.maxThreads()).isEqualTo(256);
    }

    @Test
    void anAppWithoutTheFanoutExecutorHasNone() {
        // WebFlux, or MVC on virtual threads: no applicationTaskExecutor meters at all
        assertThat(window().app(2000, null).executor()).isNull();
    }

    @Test
    void theServersTimersAreReadFromTheWindowsDeltas() {
        Measurement.Server server = window().server();

        // (1,870 - 110) s over (17,000 - 1,000) requests; the lab's own scrapes left out
        assertThat(server.meanMs()).isCloseTo(110, within(1e-6));
        // bucket deltas 1,000 / 15,600 / 16,000: rank 15,840 is 60 % into (0.2, 0.5]
        assertThat(server.p99Ms()).isCloseTo(380, within(1e-6));
        assertThat(server.downstreamMeanMs()).isCloseTo(100, within(1e-6));
        // 3, 5 and 4 ms inside the window (the failed probe and the ramp's left out)
        assertThat(server.healthProbeMs()).isEqualTo(4);
    }

    @Test
    void aFailedScrapeAtTheWindowsStartDoesNotMakeTheCountersCumulative() {
        List<Sample> samples = new ArrayList<>();
        samples.add(inside(0).scrapeFailed().build());
        for (int k = 1; k <= 8; k++) {
            samples.add(inside(k).build());
        }

        WindowStats w = WindowStats.of(samples, List.of(), List.of(), FROM, TO);

        // from the scrapes at 1 s and 8 s: deltas 875 / 13,650 / 14,000, rank 13,860 again 60 % into (0.2, 0.5]
        assertThat(w.server().p99Ms()).isCloseTo(380, within(1e-6));
        assertThat(w.server().meanMs()).isCloseTo(110, within(1e-6));
        // 0.35 s of pauses over the 7 s between those scrapes
        assertThat(w.app(2000, null).gc().pauseShare()).isCloseTo(0.05, within(EPS));
        assertThat(w.app(2000, null).failedScrapes()).isEqualTo(1);
        // CPU comes from /proc, which answered
        assertThat(w.appCpuCores()).isCloseTo(0.8, within(EPS));
    }

    @Test
    void theCountersKeepTheirSecondWhileAScrapeWaitsInTheAppsQueue() {
        // /proc every second; the scrape taken at 0 s is carried until the next answer, taken at 4 s
        List<Sample> samples = new ArrayList<>();
        for (int k = 0; k <= 8; k++) {
            long at = k < 4 ? FROM + 200 : FROM + 200 + 4000;
            samples.add(Samples.at(FROM + 200 + 1000L * k)
                    .app(100 + 0.8 * k, 800, 40)
                    .metrics(
                            "jvm_gc_pause_seconds_sum{action=\"end of minor GC\"} " + (k < 4 ? 1.0 : 1.2),
                            "jvm_gc_pause_seconds_count{action=\"end of minor GC\"} " + (k < 4 ? 10 : 14),
                            "lab_requests_in_progress " + (k < 4 ? 7 : 9))
                    .scrapedAt(at)
                    .build());
        }

        WindowStats w = WindowStats.of(samples, List.of(), List.of(), FROM, TO);
        Measurement.App app = w.app(2000, null);

        // every second's CPU reading counts, whatever the scrape did
        assertThat(w.samples()).isEqualTo(9);
        assertThat(app.cpuCores()).isCloseTo(0.8, within(EPS));
        // 0.2 s of pauses between the two scrapes, taken 4 s apart (not the 8 s the samples span)
        assertThat(app.gc().pauseShare()).isCloseTo(0.05, within(EPS));
        assertThat(app.gc().pauses()).isEqualTo(4);
        assertThat(app.failedScrapes()).isZero();
        // the per-second series shows each scrape once, in the first second that carries it
        assertThat(w.series().stream().map(Measurement.SecondPoint::inFlight).toList())
                .containsExactly(7.0, null, null, null, 9.0, null, null, null, null);
    }

    @Test
    void aScrapeTakenBeforeTheWindowDoesNotCountInIt() {
        List<Sample> samples = List.of(
                Samples.at(FROM + 200)
                        .metrics("jvm_gc_pause_seconds_sum 1.0")
                        .scrapedAt(FROM - 3000)
                        .build(),
                Samples.at(FROM + 1200)
                        .metrics("jvm_gc_pause_seconds_sum 1.6")
                        .scrapedAt(FROM + 1100)
                        .build(),
                Samples.at(FROM + 2200)
                        .metrics("jvm_gc_pause_seconds_sum 1.7")
                        .scrapedAt(FROM + 2100)
                        .build());

        // from the scrapes at 1.1 s and 2.1 s only: 0.1 s of pauses in 1 s
        assertThat(WindowStats.of(samples, List.of(), List.of(), FROM, TO)
                        .app(2000, null)
                        .gc()
                        .pauseShare())
                .isCloseTo(0.1, within(EPS));
    }

    @Test
    void aWindowWhoseScrapesFailedHasUnknownGcPausesNotZero() {
        // a JVM deep in GC stops answering its scrapes: /proc still reads, the pause counters do not
        List<Sample> samples = new ArrayList<>();
        samples.add(inside(0).build());
        for (int k = 1; k <= 8; k++) {
            samples.add(inside(k).scrapeFailed().build());
        }

        Measurement.Gc gc = WindowStats.of(samples, List.of(), List.of(), FROM, TO)
                .app(2000, null)
                .gc();

        assertThat(gc.pauseShare()).isNull();
        assertThat(gc.pauses()).isNull();
        // GC threads' CPU comes from /proc
        assertThat(gc.cpuShare()).isCloseTo(0.1, within(EPS));
    }

    @Test
    void theCgroupsThrottledShareIsThrottledPeriodsOverPeriods() {
        Measurement.Cgroup cgroup = window().cgroup();

        assertThat(cgroup.throttledShare()).isCloseTo(0.3, within(EPS));
        assertThat(cgroup.throttledSeconds()).isCloseTo(0.24, within(EPS));
        assertThat(cgroup.memoryPeakMiB()).isEqualTo(760);
        assertThat(cgroup.memoryLimitMiB()).isEqualTo(1024);
        assertThat(cgroup.oomKills()).isZero();
    }

    @Test
    void withoutACgroupThereAreNoCgroupFigures() {
        List<Sample> samples = List.of(
                Samples.at(FROM + 100).app(1, 100, 10).build(),
                Samples.at(FROM + 1100).app(2, 100, 10).build());

        assertThat(WindowStats.of(samples, List.of(), List.of(), FROM, TO).cgroup())
                .isNull();
    }

    @Test
    void theLoadSidesCostAndTheStubsOverhead() {
        Measurement.LoadSide load = window().loadSide(2000, 1, 100);

        assertThat(load.gatlingCpuCores()).isCloseTo(0.3, within(EPS));
        assertThat(load.gatlingCpuMsPerRequest()).isCloseTo(0.15, within(EPS));
        assertThat(load.stubCpuCores()).isCloseTo(0.1, within(EPS));
        assertThat(load.stubCpuMsPerRequest()).isCloseTo(0.05, within(EPS));
        assertThat(load.loadCpuBudget()).isEqualTo(1);
        // median of 102, 103, 101, 104, 150 ms above the 100 ms delay: one probe that met a pause
        // of the stub does not make it slow
        assertThat(load.stubOverheadMs()).isCloseTo(3, within(EPS));
        // the app's CPUs were busy 0.9 cores, 0.8 of them the app's
        assertThat(load.foreignCpuOnAppCores()).isCloseTo(0.1, within(EPS));
    }

    @Test
    void stubProbesThatMostlyGotNoAnswerMakeTheOverheadInfinite() {
        List<Probe> probes =
                List.of(new Probe(FROM + 300, 101), new Probe(FROM + 1300, -1), new Probe(FROM + 2300, -1));

        Measurement.LoadSide load =
                WindowStats.of(samples(), probes, List.of(), FROM, TO).loadSide(2000, 1, 100);

        assertThat(load.stubOverheadMs()).isInfinite();
        assertThat(WindowStats.of(samples(), List.of(), List.of(), FROM, TO)
                        .loadSide(2000, 1, 100)
                        .stubOverheadMs())
                .isNull();
    }

    @Test
    void theSeriesCountsSecondsFromTheWindowsStart() {
        List<Measurement.SecondPoint> series = window().series();

        assertThat(series).hasSize(9);
        assertThat(series)
                .extracting(Measurement.SecondPoint::t)
                .containsExactly(0.2, 1.2, 2.2, 3.2, 4.2, 5.2, 6.2, 7.2, 8.2);
        // a rate needs two readings: none for the first second
        assertThat(series.getFirst().appCpuCores()).isNull();
        assertThat(series.getFirst().throttledShare()).isNull();
        assertThat(series.get(1).appCpuCores()).isCloseTo(0.8, within(EPS));
        assertThat(series.get(1).throttledShare()).isCloseTo(0.3, within(EPS));
        assertThat(series.get(1).gatlingCpuCores()).isCloseTo(0.3, within(EPS));
        assertThat(series.get(1).stubCpuCores()).isCloseTo(0.1, within(EPS));
        assertThat(series.get(3).threadsBusy()).isEqualTo(200);
        assertThat(series.get(3).inFlight()).isEqualTo(103);
        assertThat(series.get(3).rssMiB()).isCloseTo(830, within(0.001));
        // the client's figures are for the caller to fill
        assertThat(series).allSatisfy(p -> assertThat(p.throughputRps()).isNull());
        // health probes within half a second of a sample (at 0.3 s and 1.3 s: 0.1 s after it)
        assertThat(series.get(0).healthProbeMs()).isEqualTo(3);
        assertThat(series.get(1).healthProbeMs()).isEqualTo(5);
        assertThat(series.get(3).healthProbeMs()).isNull();
    }

    @Test
    void percentilesAreNearestRank() {
        assertThat(WindowStats.percentile(List.of(5.0, 1.0, 3.0), 0.5)).isEqualTo(3);
        assertThat(WindowStats.percentile(List.of(1.0, 2.0, 3.0, 4.0), 0.5)).isEqualTo(2);
        assertThat(WindowStats.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 0.9))
                .isEqualTo(9);
        assertThat(WindowStats.percentile(List.of(), 0.9)).isNull();
    }
}
