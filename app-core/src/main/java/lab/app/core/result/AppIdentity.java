package lab.app.core.result;

import java.util.concurrent.TimeUnit;

/** Which app and which concurrency model answers; stamps every success body. */
public record AppIdentity(String app, String model) {

    public static final String MVC = "mvc";
    public static final String WEBFLUX = "webflux";
    public static final String THREAD_PER_REQUEST = "thread-per-request";
    public static final String VIRTUAL_THREADS = "virtual-threads";
    public static final String EVENT_LOOP = "event-loop";

    public static AppIdentity mvc(boolean virtualThreads) {
        return new AppIdentity(MVC, virtualThreads ? VIRTUAL_THREADS : THREAD_PER_REQUEST);
    }

    public static AppIdentity webflux() {
        return new AppIdentity(WEBFLUX, EVENT_LOOP);
    }

    /**
     * The result as seen from the calling thread: the thread that produced the response.
     *
     * @param startNanos {@link System#nanoTime()} when the request entered the handler
     */
    public ApiResult result(int calls, int delayMs, long startNanos) {
        Thread thread = Thread.currentThread();
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        return new ApiResult(app, model, thread.getName(), thread.isVirtual(), calls, delayMs, elapsedMs);
    }
}
