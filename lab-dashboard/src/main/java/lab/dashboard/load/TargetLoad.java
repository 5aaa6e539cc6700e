package lab.dashboard.load;

import io.netty.channel.EventLoop;
import io.netty.handler.timeout.ReadTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The load on one target: its closed-model users or its open-model arrivals, its latency
 * histogram and its counters. Everything that sends runs on the target's own event loop
 * ({@code loop}): nothing here blocks, and no request hops between threads.
 */
final class TargetLoad {

    static final String TIMEOUT = "timeout";
    static final String IO = "io";
    static final String POOL = "pool";
    static final String SKIPPED = "skipped";

    /** HdrHistogram precision: 3 significant digits (0.1 % of the value). */
    private static final int SIGNIFICANT_DIGITS = 3;

    private static final double NANOS_PER_MS = 1e6;
    private static final double MICROS_PER_MS = 1e3;
    private static final double NANOS_PER_S = 1e9;
    private static final int FIRST_ERROR_STATUS = 400;
    private static final double P50 = 50.0;
    private static final double P99 = 99.0;

    /**
     * A user whose request failed without an answer (connection refused: the target is down)
     * waits this long before the next, instead of spinning a CPU on failures.
     */
    private static final Duration PAUSE_AFTER_IO_ERROR = Duration.ofMillis(100);

    /**
     * The open-model timer fires at most this often: a few arrivals per firing at 20,000/s keep
     * the timer's own cost low; their intended send times stay exact.
     */
    private static final long MIN_TICK_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final String name;
    private final HttpClient client;
    private final EventLoop loop;
    private final String path;
    private final int maxInFlight;

    private final Recorder latencyMicros = new Recorder(SIGNIFICANT_DIGITS);
    private final LongAdder sent = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger users = new AtomicInteger();
    private final AtomicLong maxSendLagNanos = new AtomicLong();

    private volatile LoadSetting setting = LoadSetting.OFF;

    // open model: touched on the loop only
    private LoadSetting seen = LoadSetting.OFF;
    private long originNanos;
    private long issued;
    private boolean ticking;

    // sampling: touched by the sampler thread only
    private Histogram reusable;
    private long lastSent;
    private long lastAnswered;
    private final Map<String, Long> lastErrors = new TreeMap<>();

    TargetLoad(String name, HttpClient client, EventLoop loop, String path, int maxInFlight) {
        this.name = name;
        this.client = client;
        this.loop = loop;
        this.path = path;
        this.maxInFlight = maxInFlight;
    }

    String name() {
        return name;
    }

    LoadSetting setting() {
        return setting;
    }

    void apply(LoadSetting next) {
        setting = next;
        loop.execute(() -> {
            if (next.mode() == LoadSetting.Mode.USERS) {
                // fewer users: each one above the new count leaves after its current request (userDone)
                while (users.get() < next.users()) {
                    users.incrementAndGet();
                    send(System.nanoTime(), true);
                }
            } else if (next.mode() == LoadSetting.Mode.RATE && !ticking) {
                ticking = true;
                tick();
            }
        });
    }

    /** The open-model timer: sends what is due, then sleeps until the next arrival (on the loop). */
    private void tick() {
        long next = sendDue(System.nanoTime());
        if (next == Long.MAX_VALUE) {
            ticking = false;
            return;
        }
        long wait = Math.max(MIN_TICK_NANOS, next - System.nanoTime());
        loop.schedule(this::tick, wait, TimeUnit.NANOSECONDS);
    }

    /** Sends the arrivals that are due; returns when the next one is due (MAX_VALUE: not in mode rate). */
    private long sendDue(long now) {
        LoadSetting s = setting;
        if (s != seen) {
            seen = s;
            originNanos = now;
            issued = 0;
        }
        if (s.mode() != LoadSetting.Mode.RATE) {
            return Long.MAX_VALUE;
        }
        double nanosPerArrival = NANOS_PER_S / s.rate();
        // the first arrival is due at the origin, the k-th at origin + k / rate
        long due = (long) ((now - originNanos) / nanosPerArrival) + 1;
        while (issued < due) {
            long intended = originNanos + (long) (issued * nanosPerArrival);
            issued++;
            if (inFlight.get() >= maxInFlight) {
                count(SKIPPED);
                continue;
            }
            maxSendLagNanos.accumulateAndGet(now - intended, Math::max);
            send(intended, false);
        }
        return originNanos + (long) (issued * nanosPerArrival);
    }

    private void send(long intendedNanos, boolean user) {
        inFlight.incrementAndGet();
        sent.increment();
        client.get()
                .uri(path)
                .response((response, body) ->
                        body.then(Mono.just(response.status().code())))
                .next()
                .subscribe(new Completion(intendedNanos, user));
    }

    /** A closed-model user's request ended: send its next one, or leave if there are too many users. */
    private void userDone(boolean pause) {
        while (true) {
            LoadSetting s = setting;
            int n = users.get();
            if (s.mode() != LoadSetting.Mode.USERS || n > s.users()) {
                if (users.compareAndSet(n, n - 1)) {
                    return;
                }
                continue;
            }
            break;
        }
        if (pause) {
            loop.schedule(() -> send(System.nanoTime(), true), PAUSE_AFTER_IO_ERROR.toNanos(), TimeUnit.NANOSECONDS);
        } else {
            send(System.nanoTime(), true);
        }
    }

    private void count(String error) {
        errors.computeIfAbsent(error, k -> new LongAdder()).increment();
    }

    int inFlight() {
        return inFlight.get();
    }

    /** The figures since the last call (the sampler's thread only). */
    ClientFigures sample(double seconds) {
        Histogram h = latencyMicros.getIntervalHistogram(reusable);
        reusable = h;
        long sentNow = sent.sum();
        long answeredNow = answered.sum();
        double sentRps = (sentNow - lastSent) / seconds;
        long answers = answeredNow - lastAnswered;
        lastSent = sentNow;
        lastAnswered = answeredNow;
        Map<String, Long> interval = new TreeMap<>();
        errors.forEach((key, adder) -> {
            long now = adder.sum();
            long delta = now - lastErrors.getOrDefault(key, 0L);
            lastErrors.put(key, now);
            if (delta > 0) {
                interval.put(key, delta);
            }
        });
        boolean any = h.getTotalCount() > 0;
        return new ClientFigures(
                answers / seconds,
                sentRps,
                any ? h.getValueAtPercentile(P50) / MICROS_PER_MS : null,
                any ? h.getValueAtPercentile(P99) / MICROS_PER_MS : null,
                any ? h.getMaxValue() / MICROS_PER_MS : null,
                inFlight.get(),
                interval);
    }

    /** answers so far (for the generator's CPU per request) */
    long answered() {
        return answered.sum();
    }

    /** The largest send lag since the last call, in ms. */
    double takeMaxSendLagMs() {
        return maxSendLagNanos.getAndSet(0) / NANOS_PER_MS;
    }

    static String classify(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof ReadTimeoutException || t instanceof TimeoutException) {
                return TIMEOUT;
            }
            // Reactor Netty's pool exceptions live in a shaded internal package: matched by name
            if (t.getClass().getSimpleName().startsWith("PoolAcquire")) {
                return POOL;
            }
        }
        return IO;
    }

    /** Records one request's outcome, then lets a closed-model user go on. */
    private final class Completion implements CoreSubscriber<Integer> {
        private final long intendedNanos;
        private final boolean user;
        private boolean answeredOnce;

        Completion(long intendedNanos, boolean user) {
            this.intendedNanos = intendedNanos;
            this.user = user;
        }

        @Override
        public void onSubscribe(Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(Integer status) {
            answeredOnce = true;
            latencyMicros.recordValue(Math.max(0, (System.nanoTime() - intendedNanos) / 1_000));
            answered.increment();
            if (status >= FIRST_ERROR_STATUS) {
                count(Integer.toString(status));
            }
        }

        @Override
        public void onError(Throwable t) {
            count(classify(t));
            finish(true);
        }

        @Override
        public void onComplete() {
            if (!answeredOnce) {
                count(IO);
            }
            finish(!answeredOnce);
        }

        private void finish(boolean failedWithoutAnswer) {
            inFlight.decrementAndGet();
            if (user) {
                userDone(failedWithoutAnswer);
            }
        }
    }
}
