package lab.runner.engine;

import java.util.ArrayList;
import java.util.List;
import lab.runner.sampling.CgroupReading;
import lab.runner.sampling.Meters;
import lab.runner.sampling.Sample;

/**
 * How and when an app JVM that exited on its own died. How, from its log: Java refusing to create
 * another thread (the OS would not give it one: a thread or memory limit), its own OutOfMemoryError
 * (the heap, with {@code -XX:+ExitOnOutOfMemoryError}), or any other exit; a kill by the cgroup's
 * memory limit is told by the cgroup, not the log. When, from the samples: the first one without
 * the process.
 *
 * @param kind as in {@link lab.runrecord.VariantRun.Failure#kind()}
 * @param words what happened, as the progress line and the report say it
 */
record Death(String kind, String words) {

    /** What HotSpot prints when {@code pthread_create} fails, whatever the reason it gives after. */
    static final String NO_NATIVE_THREAD = "unable to create native thread";

    /** A reading older than this (the sampler reads every second) is given with its age. */
    static final long STALE_MS = 1500;

    static Death fromLog(String log, int exitCode) {
        if (log.contains(NO_NATIVE_THREAD)) {
            return new Death(
                    "no-native-thread", "could not create another thread (OutOfMemoryError: " + NO_NATIVE_THREAD + ")");
        }
        if (log.contains("OutOfMemoryError")) {
            return new Death("out-of-memory", "died of OutOfMemoryError");
        }
        return new Death("exited", "exited with code " + exitCode);
    }

    /**
     * The first sample that found the app gone, or {@link Long#MAX_VALUE} when none has yet. A
     * process with no resident memory left is exiting (its last threads tearing down): gone too.
     */
    static long diedAt(List<Sample> samples) {
        return samples.stream()
                .filter(s -> !alive(s))
                .mapToLong(Sample::epochMs)
                .min()
                .orElse(Long.MAX_VALUE);
    }

    /**
     * Where in a closed step's ramp it died, as the load side saw it: the users started between the
     * last sample that found the app alive and the first that did not (each user holds one request
     * open). Empty when it died after the ramp, with all the step's users in.
     */
    static String inRamp(List<Sample> samples, int users, long rampStartMs, int rampSeconds) {
        long dead = diedAt(samples);
        long rampMs = rampSeconds * 1000L;
        if (rampMs <= 0 || dead == Long.MAX_VALUE || dead >= rampStartMs + rampMs) {
            return "";
        }
        long alive = samples.stream()
                .filter(s -> alive(s) && s.epochMs() < dead)
                .mapToLong(Sample::epochMs)
                .max()
                .orElse(rampStartMs);
        long from = started(users, rampStartMs, rampMs, alive);
        long to = started(users, rampStartMs, rampMs, dead);
        String count = from == to ? Analysis.fmt("%,d", to) : Analysis.fmt("%,d–%,d", from, to);
        return Analysis.fmt(
                ", %.0f s into its %d s ramp (%s users had sent their request)",
                Math.max(0, dead - rampStartMs) / 1000.0, rampSeconds, count);
    }

    private static boolean alive(Sample s) {
        return s.app() != null && s.app().rssKiB() > 0;
    }

    private static long started(int users, long rampStartMs, long rampMs, long atMs) {
        double share = Math.clamp((double) (atMs - rampStartMs) / rampMs, 0.0, 1.0);
        return Math.round(users * share);
    }

    /**
     * What the app held at its last readings since {@code sinceMs} before it died: the requests
     * inside it (from its last answered scrape, with that scrape's age when it was not the last
     * second's: a JVM in GC distress stops answering), its OS threads and RSS, and the peak of its
     * cgroup's memory against the limit.
     */
    static String lastReadings(List<Sample> samples, long sinceMs) {
        long dead = diedAt(samples);
        List<Sample> before = samples.stream()
                .filter(s -> s.epochMs() >= sinceMs && s.epochMs() < dead)
                .toList();
        List<String> parts = new ArrayList<>();
        before.stream()
                .filter(s -> s.scrapedAtMs() >= sinceMs && s.scrape().sum(Meters.IN_PROGRESS) != null)
                .max(java.util.Comparator.comparingLong(Sample::scrapedAtMs))
                .ifPresent(s -> {
                    String held = Analysis.fmt(
                            "%,.0f in flight in the app", s.scrape().sum(Meters.IN_PROGRESS));
                    long age = dead == Long.MAX_VALUE ? 0 : dead - s.scrapedAtMs();
                    parts.add(
                            age > STALE_MS
                                    ? Analysis.fmt("%s at its last answered scrape, %.0f s before", held, age / 1000.0)
                                    : held);
                });
        before.stream()
                .filter(Death::alive)
                .reduce((a, b) -> b)
                .ifPresent(s -> parts.add(Analysis.fmt(
                        "%,d OS threads, RSS %,.0f MiB",
                        s.app().threads(), s.app().rssMiB())));
        before.stream()
                .map(Sample::cgroup)
                .filter(c -> c != null && c.memoryLimitMiB() > 0)
                .max(java.util.Comparator.comparingDouble(CgroupReading::memoryUsageMiB))
                .ifPresent(c -> parts.add(Analysis.fmt(
                        "cgroup memory up to %,.0f of %,.0f MiB", c.memoryUsageMiB(), c.memoryLimitMiB())));
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }
}
