package lab.gatling.stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.gatling.simulations.LoadPlan;

/**
 * Each step's figures over its steady window only, from the run's own records.
 *
 * <p>Where a window lies: populations are numbered in the order they start (the ladder, then the
 * open step that {@code andThen} starts after it); each one's start is found from its first user
 * starts and the plan of its first batch ({@link #populationStart}). A step's window runs from
 * that start plus the step's ramp end plus the plan's settle time to that start plus the step's
 * end. The windows are placed by timestamp rather than by naming each request after its step, so
 * that the load
 * generator does no extra work per request, the reader needs nothing but {@code simulation.log},
 * and the settle time can be changed after the run.
 */
public final class SteadyWindows {

    private static final long MILLIS_PER_SECOND = 1000;
    /** Room for a few seconds of a slow step's response times before the buffer grows. */
    private static final int INITIAL_CAPACITY = 1024;
    /**
     * How far before a window's end the run's last record may be for the window to count as
     * complete: a population stops on Gatling's one-second tick, a little before the planned end
     * as seen from its estimated start (ticks drift by some milliseconds); a run cut short stops
     * far earlier.
     */
    private static final long END_TOLERANCE_MILLIS = 1000;

    private static final double[] PERCENTILES = {50, 90, 95, 99, 99.9};

    private SteadyWindows() {}

    /** The windows of every step of the plan, in plan order, from a run folder or a {@code simulation.log}. */
    public static List<WindowStats> read(Path runDirOrLog, LoadPlan plan) {
        Path log =
                Files.isDirectory(runDirOrLog) ? runDirOrLog.resolve(GatlingStatsReader.SIMULATION_LOG) : runDirOrLog;
        if (!Files.isRegularFile(log)) {
            throw new IllegalArgumentException("no " + GatlingStatsReader.SIMULATION_LOG + " at " + runDirOrLog);
        }
        GatlingStatsReader.requireStringInternals();
        Populations populations = new Populations(plan);
        SimulationLog.read(log, populations);
        populations.estimateStarts();
        List<Window> windows = plan.steps().stream()
                .map(step -> new Window(step, plan, populations))
                .toList();
        SimulationLog.read(log, new Accumulator(windows, populations));
        return windows.stream()
                .map(window -> window.stats(populations.lastTimestamp))
                .toList();
    }

    /**
     * First pass: which scenario is which population (in the order they start), the first batch of
     * user starts of each, the first response each got, and the last record.
     */
    private static final class Populations implements SimulationLog.Visitor {

        private final LoadPlan plan;
        /** Scenario index to population number, in the order the scenarios started. */
        private final Map<Integer, Integer> byScenario = new HashMap<>();

        private final List<List<Long>> firstStarts = new ArrayList<>();
        private final List<Long> firstResponses = new ArrayList<>();
        private long[] starts = new long[0];
        private long lastTimestamp = Long.MIN_VALUE;

        Populations(LoadPlan plan) {
            this.plan = plan;
        }

        @Override
        public void user(int scenario, boolean start, long timestamp) {
            lastTimestamp = Math.max(lastTimestamp, timestamp);
            if (!start) {
                return;
            }
            Integer population = byScenario.get(scenario);
            if (population == null) {
                population = firstStarts.size();
                byScenario.put(scenario, population);
                firstStarts.add(new ArrayList<>());
                firstResponses.add(Long.MAX_VALUE);
            }
            List<Long> batch = firstStarts.get(population);
            if (batch.size()
                    < firstBatch(population).map(LoadPlan.FirstBatch::users).orElse(1)) {
                batch.add(timestamp);
            }
        }

        @Override
        public void request(String name, long start, long end, boolean ok, String message) {
            lastTimestamp = Math.max(lastTimestamp, end);
            // populations run one after the other: a request belongs to the last one started before it
            for (int population = firstStarts.size() - 1; population >= 0; population--) {
                if (firstStarts.get(population).getFirst() <= start) {
                    firstResponses.set(population, Math.min(firstResponses.get(population), end));
                    return;
                }
            }
        }

        /** Every population's start, once the pass is over. */
        void estimateStarts() {
            starts = new long[firstStarts.size()];
            for (int population = 0; population < starts.length; population++) {
                List<Long> batch = firstStarts.get(population);
                boolean closed = !plan.population(population).isEmpty()
                        && plan.population(population).getFirst().model() == LoadPlan.Model.CLOSED;
                long notAfter = closed ? firstResponses.get(population) : Long.MAX_VALUE;
                starts[population] = firstBatch(population)
                        .map(planned -> populationStart(batch, notAfter, planned))
                        .orElse(batch.getFirst());
            }
        }

        /** The plan's first batch of a population, if the plan has that population. */
        private Optional<LoadPlan.FirstBatch> firstBatch(int population) {
            return plan.population(population).isEmpty() ? Optional.empty() : Optional.of(plan.firstBatch(population));
        }

        Long start(int population) {
            return population < starts.length ? starts[population] : null;
        }

        int population(int scenario) {
            return byScenario.getOrDefault(scenario, -1);
        }
    }

    /**
     * When a population started: users can start late but never early, so each user of the first
     * batch bounds the start from above by its start minus its planned offset, and the least late
     * one gives the start. In the closed model only the users that started before the first
     * response count: after it, replacements of finished users start too, off the plan.
     *
     * @param starts the first user starts of the population (at most the batch's size)
     * @param notAfter ignore starts from this instant on
     */
    static long populationStart(List<Long> starts, long notAfter, LoadPlan.FirstBatch batch) {
        List<Long> sorted = starts.stream().sorted().toList();
        long start = sorted.getFirst() - batch.plannedMillis(0);
        for (int k = 1; k < sorted.size() && k < batch.users() && sorted.get(k) < notAfter; k++) {
            start = Math.min(start, sorted.get(k) - batch.plannedMillis(k));
        }
        return start;
    }

    /** Second pass: every record into the windows it falls in. */
    private record Accumulator(List<Window> windows, Populations populations) implements SimulationLog.Visitor {

        @Override
        public void user(int scenario, boolean start, long timestamp) {
            if (start) {
                int population = populations.population(scenario);
                for (Window window : windows) {
                    if (window.step.population() == population && window.contains(timestamp)) {
                        window.usersStarted++;
                        window.second(timestamp).arrivals++;
                    }
                }
            }
        }

        @Override
        public void request(String name, long start, long end, boolean ok, String message) {
            for (Window window : windows) {
                if (window.contains(start)) {
                    window.add(end - start, ok, message);
                    window.second(start).add(end - start, ok);
                }
                if (ok && window.contains(end)) {
                    window.okReceived++;
                    window.second(end).okReceived++;
                }
            }
        }
    }

    /** What happened in one second of a window. */
    private static final class SecondBucket {

        private static final double P50 = 50;
        private static final double P99 = 99;

        private final int t;
        private int[] responseTimes = new int[INITIAL_CAPACITY / 8];
        private int sent;
        private long ko;
        private long arrivals;
        private long okReceived;

        SecondBucket(int t) {
            this.t = t;
        }

        void add(long responseTime, boolean ok) {
            if (sent == responseTimes.length) {
                responseTimes = Arrays.copyOf(responseTimes, sent * 2);
            }
            responseTimes[sent++] = (int) responseTime;
            if (!ok) {
                ko++;
            }
        }

        WindowStats.Second stats() {
            int[] sorted = Arrays.copyOf(responseTimes, sent);
            Arrays.sort(sorted);
            return new WindowStats.Second(
                    t,
                    arrivals,
                    sent,
                    okReceived,
                    ko,
                    sent == 0 ? 0 : Window.nearestRank(sorted, P50),
                    sent == 0 ? 0 : Window.nearestRank(sorted, P99));
        }
    }

    private static final class Window {

        private final LoadPlan.Step step;
        private final boolean started;
        private final long from;
        private final long to;
        private int[] responseTimes = new int[INITIAL_CAPACITY];
        private int count;
        private long sum;
        private long ok;
        private long usersStarted;
        private long okReceived;
        private final Map<String, Long> errors = new HashMap<>();
        private final List<SecondBucket> buckets = new ArrayList<>();

        Window(LoadPlan.Step step, LoadPlan plan, Populations populations) {
            this.step = step;
            Long populationStart = populations.start(step.population());
            started = populationStart != null;
            long origin = started ? populationStart : 0;
            from = origin + plan.windowStartSeconds(step) * MILLIS_PER_SECOND;
            to = Math.max(from, origin + step.endSeconds() * MILLIS_PER_SECOND);
        }

        boolean contains(long timestamp) {
            return started && timestamp >= from && timestamp < to;
        }

        /** The whole second of the window a timestamp inside it falls in. */
        SecondBucket second(long timestamp) {
            int t = (int) ((timestamp - from) / MILLIS_PER_SECOND);
            while (buckets.size() <= t) {
                buckets.add(new SecondBucket(buckets.size()));
            }
            return buckets.get(t);
        }

        void add(long responseTime, boolean isOk, String message) {
            if (count == responseTimes.length) {
                responseTimes = Arrays.copyOf(responseTimes, count * 2);
            }
            responseTimes[count++] = (int) responseTime;
            sum += responseTime;
            if (isOk) {
                ok++;
            } else {
                errors.merge(ErrorClassifier.classify(message), 1L, Long::sum);
            }
        }

        WindowStats stats(long lastTimestamp) {
            double seconds = (to - from) / (double) MILLIS_PER_SECOND;
            boolean complete = started && to > from && lastTimestamp >= to - END_TOLERANCE_MILLIS;
            return new WindowStats(
                    step,
                    Instant.ofEpochMilli(from),
                    Instant.ofEpochMilli(to),
                    complete,
                    ok,
                    count - ok,
                    perSecond(count, seconds),
                    perSecond(okReceived, seconds),
                    perSecond(usersStarted, seconds),
                    latency(),
                    ErrorClassifier.mostFrequentFirst(errors),
                    buckets.stream().map(SecondBucket::stats).toList());
        }

        private WindowStats.Latency latency() {
            if (count == 0) {
                return WindowStats.Latency.NONE;
            }
            int[] sorted = Arrays.copyOf(responseTimes, count);
            Arrays.sort(sorted);
            long[] p = Arrays.stream(PERCENTILES)
                    .mapToLong(rank -> nearestRank(sorted, rank))
                    .toArray();
            return new WindowStats.Latency((double) sum / count, p[0], p[1], p[2], p[3], p[4], sorted[count - 1]);
        }

        /** The smallest value with at least {@code rank} percent of the values at or below it. */
        static long nearestRank(int[] sorted, double rank) {
            int index = (int) Math.ceil(rank / 100 * sorted.length) - 1;
            return sorted[Math.clamp(index, 0, sorted.length - 1)];
        }

        private static double perSecond(long count, double seconds) {
            return seconds > 0 ? count / seconds : 0;
        }
    }
}
