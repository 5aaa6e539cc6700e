package lab.runrecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario as run: the catalogue entry ({@code scenarios/<name>.yaml}) after the command line's
 * overrides. The catalogue files hold the same fields.
 *
 * @param name the catalogue name ({@code ladder}, {@code cpu}, {@code slowdown}, ...)
 * @param summary one line, as {@code ./lab scenarios} lists it
 * @param request what every virtual user asks for
 * @param variants the variants it runs, in order
 * @param appArgs Spring Boot arguments given to every variant (e.g. a smaller client pool)
 * @param load how the load is injected
 * @param phases downstream changes during the run (time-series scenarios), in order
 * @param prediction which model predicts each step (see {@link Prediction})
 * @param reading what the scenario shows, in words; the report puts the measured figures beside it
 * @param repeats how many times each step is measured in the same warm JVMs
 * @param warmup the warm-up rule
 * @param quick what {@code --quick} changes: a smoke run of the same scenario
 */
public record ScenarioSpec(
        String name,
        String title,
        String summary,
        Request request,
        List<String> variants,
        List<String> appArgs,
        Load load,
        List<Phase> phases,
        Prediction prediction,
        String reading,
        int repeats,
        Warmup warmup,
        Quick quick) {

    public ScenarioSpec {
        variants = variants == null ? List.of() : List.copyOf(variants);
        appArgs = appArgs == null ? List.of() : List.copyOf(appArgs);
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    /**
     * @param endpoint the apps' endpoint ({@code /api/io}, {@code /api/cpu}, ...)
     * @param query its parameters; {@code delayMs} is the downstream delay of every call
     */
    public record Request(String endpoint, Map<String, Integer> query) {

        public Request {
            query = query == null ? Map.of() : Map.copyOf(query);
        }

        /** The downstream delay of each call in ms (0 when the endpoint calls no downstream). */
        public int delayMs() {
            return query.getOrDefault("delayMs", 0);
        }
    }

    /**
     * @param kind {@code ladder} (closed-model steps, then an optional open-model step),
     *     {@code open} (one open-model run, for phases), {@code coldstart} (fixed load on a fresh
     *     JVM, no warm-up), {@code c10k} (one closed step holding {@code users} requests in flight)
     * @param users the closed-model steps (ladder), or the users in flight (c10k, coldstart)
     * @param settleSeconds after each ramp, also left out of the window
     * @param openRate arrivals per second of the open-model step (0: none)
     * @param requestTimeoutMs the load generator's timeout per request
     */
    public record Load(
            String kind,
            List<Integer> users,
            int stepSeconds,
            int rampSeconds,
            int settleSeconds,
            int openRate,
            int openSeconds,
            int requestTimeoutMs) {

        public Load {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    /**
     * A change of the downstream during the run: from {@code atSecond} for {@code seconds}, every
     * downstream call takes {@code extraLatencyMs} longer (the stub's admin faults).
     */
    public record Phase(String name, int atSecond, int seconds, int extraLatencyMs) {}

    /**
     * @param model {@code littles-law} (users / latency, capped by threads and CPU), {@code cpu},
     *     {@code event-loop-blocking}, {@code pool}, {@code slowdown}, {@code coldstart}, {@code c10k}
     */
    public record Prediction(String model, String statement) {}

    /**
     * {@code --quick}: fewer and shorter steps, one repeat, a shorter warm-up cap; every step still
     * warm (the warm-up rule is the same).
     */
    public record Quick(List<Integer> users, int stepSeconds, int openSeconds, int repeats, int warmupMaxSeconds) {

        public Quick {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    /**
     * The warm-up rule: chunks of {@code chunkSeconds} at {@code users} until the last
     * {@code stableChunks} chunks' throughput and CPU per request are within {@code tolerance} of
     * their median, at most {@code maxSeconds}.
     *
     * @param query request parameters the warm-up sends instead of the scenario's, the rest kept
     *     (c10k: a 100 ms delay, so that the warm-up warms the code and does not already hold
     *     thousands of requests in flight); empty: the scenario's request as it is
     */
    public record Warmup(
            int users,
            int chunkSeconds,
            int stableChunks,
            double tolerance,
            int maxSeconds,
            Map<String, Integer> query) {

        public Warmup {
            query = query == null ? Map.of() : Map.copyOf(query);
        }

        public Warmup(int users, int chunkSeconds, int stableChunks, double tolerance, int maxSeconds) {
            this(users, chunkSeconds, stableChunks, tolerance, maxSeconds, Map.of());
        }

        /** The parameters of a warm-up request: the scenario's, with this warm-up's in their place. */
        public Map<String, Integer> query(Request request) {
            Map<String, Integer> merged = new LinkedHashMap<>(request.query());
            merged.putAll(query);
            return merged;
        }
    }
}
