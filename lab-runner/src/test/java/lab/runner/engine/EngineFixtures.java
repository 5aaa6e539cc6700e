package lab.runner.engine;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import lab.runrecord.Measurement;
import lab.runrecord.ScenarioSpec;

/** Scenario specs, load windows and steps for the engine's tests. */
final class EngineFixtures {

    static final Instant WINDOW_START = Instant.parse("2026-01-01T10:00:00Z");
    static final int STEADY_SECONDS = 10;

    private EngineFixtures() {}

    /** A scenario with that prediction model on that endpoint; only the fields the analysis reads matter. */
    static ScenarioSpec spec(
            String model, String endpoint, Integer delayMs, String kind, List<ScenarioSpec.Phase> phases) {
        return new ScenarioSpec(
                model,
                model,
                model,
                new ScenarioSpec.Request(endpoint, delayMs == null ? Map.of() : Map.of("delayMs", delayMs)),
                List.of("mvc", "mvc-vt", "webflux"),
                List.of(),
                new ScenarioSpec.Load(kind, List.of(50, 200, 400), STEADY_SECONDS, 2, 1, 0, 10, 10_000),
                phases,
                new ScenarioSpec.Prediction(model, "-"),
                "-",
                1,
                new ScenarioSpec.Warmup(800, 5, 3, 0.1, 120),
                new ScenarioSpec.Quick(List.of(), 6, 6, 1, 60));
    }

    static ScenarioSpec ladder() {
        return spec("littles-law", "/api/io", 100, "ladder", List.of());
    }

    static LoadWindow closed(int users) {
        return window(false, users, null);
    }

    static LoadWindow open(int rate) {
        return window(true, null, rate);
    }

    private static LoadWindow window(boolean open, Integer users, Integer rate) {
        return new LoadWindow(
                open,
                users,
                rate,
                2,
                STEADY_SECONDS,
                WINDOW_START,
                WINDOW_START.plusSeconds(STEADY_SECONDS),
                true,
                1000,
                0,
                100,
                open ? Double.valueOf(rate) : null,
                new Measurement.Latency(100, 100, 100, 100, 100),
                Map.of(),
                List.of());
    }

    /** One step's windows: its repeats, none of which the load generator failed. */
    static Analysis.StepWindows step(LoadWindow w, Measurement... repeats) {
        return new Analysis.StepWindows(w.stepId(), w, List.of(repeats), Collections.nCopies(repeats.length, false));
    }
}
