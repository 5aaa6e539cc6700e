package lab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.runrecord.ScenarioSpec;
import lab.variants.Variant;

/** What makes a scenario entry valid: every field set, within bounds, and consistent with its kind. */
final class ScenarioCheck {

    /** The apps' endpoints and the parameters each takes (the HTTP contract, docs/contract.md). */
    static final Map<String, Set<String>> ENDPOINTS = Map.of(
            "/api/io", Set.of("delayMs", "bytes"),
            "/api/fanout", Set.of("calls", "delayMs"),
            "/api/cpu", Set.of("rounds"),
            "/api/blocking-io", Set.of("delayMs"),
            "/api/offloaded-io", Set.of("delayMs"));

    static final Set<String> KINDS = Set.of("ladder", "open", "coldstart", "c10k");
    static final Set<String> MODELS =
            Set.of("littles-law", "cpu", "event-loop-blocking", "pool", "slowdown", "coldstart", "c10k");

    private ScenarioCheck() {}

    static List<String> problems(ScenarioSpec s) {
        List<String> p = new ArrayList<>();
        require(
                p,
                s.name() != null && s.name().matches("[a-z0-9][a-z0-9-]*"),
                "name must be lower-case words joined by '-'");
        require(p, notBlank(s.title()), "title is missing");
        require(p, notBlank(s.summary()), "summary is missing");
        require(p, notBlank(s.reading()), "reading is missing");
        require(p, s.repeats() >= 1, "repeats must be at least 1");
        if (s.request() == null || !ENDPOINTS.containsKey(s.request().endpoint())) {
            p.add("request.endpoint must be one of "
                    + ENDPOINTS.keySet().stream().sorted().toList());
        } else {
            for (Map.Entry<String, Integer> q : s.request().query().entrySet()) {
                require(
                        p,
                        ENDPOINTS.get(s.request().endpoint()).contains(q.getKey()),
                        "request.query." + q.getKey() + " is not a parameter of "
                                + s.request().endpoint());
                require(p, q.getValue() != null && q.getValue() >= 0, "request.query." + q.getKey() + " must be >= 0");
            }
        }
        require(p, !s.variants().isEmpty(), "variants is empty");
        for (String v : s.variants()) {
            try {
                Variant.named(v);
            } catch (IllegalArgumentException e) {
                p.add("variants: " + e.getMessage());
            }
        }
        load(p, s.load());
        require(
                p,
                s.prediction() != null && MODELS.contains(s.prediction().model()),
                "prediction.model must be one of " + MODELS.stream().sorted().toList());
        for (ScenarioSpec.Phase phase : s.phases()) {
            require(
                    p,
                    phase.atSecond() >= 0 && phase.seconds() >= 1,
                    "phase '" + phase.name() + "' needs atSecond >= 0 and seconds >= 1");
            require(
                    p,
                    s.load() == null
                            || phase.atSecond() + phase.seconds() <= s.load().stepSeconds(),
                    "phase '" + phase.name() + "' ends after the run (stepSeconds)");
        }
        ScenarioSpec.Warmup w = s.warmup();
        require(
                p,
                w != null
                        && w.users() >= 1
                        && w.chunkSeconds() >= 1
                        && w.stableChunks() >= 2
                        && w.tolerance() > 0
                        && w.tolerance() < 1
                        && w.maxSeconds() >= 0,
                "warmup needs users >= 1, chunkSeconds >= 1, stableChunks >= 2, 0 < tolerance < 1, maxSeconds >= 0");
        if (w != null && s.request() != null) {
            require(
                    p,
                    s.request().query().keySet().containsAll(w.query().keySet()),
                    "warmup.query may only change the request's own parameters "
                            + new java.util.TreeSet<>(s.request().query().keySet()));
        }
        ScenarioSpec.Quick q = s.quick();
        require(
                p,
                q != null
                        && q.stepSeconds() >= 1
                        && q.repeats() >= 1
                        && q.users().stream().allMatch(u -> u > 0),
                "quick needs stepSeconds >= 1, repeats >= 1 and positive users");
        return p;
    }

    private static void load(List<String> p, ScenarioSpec.Load l) {
        if (l == null || !KINDS.contains(l.kind())) {
            p.add("load.kind must be one of " + KINDS.stream().sorted().toList());
            return;
        }
        require(p, l.users().stream().allMatch(u -> u > 0), "load.users must be positive");
        require(p, l.stepSeconds() >= 1, "load.stepSeconds must be at least 1");
        require(p, l.rampSeconds() >= 0 && l.settleSeconds() >= 0, "load.rampSeconds and settleSeconds must be >= 0");
        require(p, l.openRate() >= 0, "load.openRate must be >= 0");
        require(p, l.requestTimeoutMs() >= 100, "load.requestTimeoutMs must be at least 100");
        switch (l.kind()) {
            case "ladder" -> require(p, !l.users().isEmpty(), "a ladder needs load.users");
            case "open" -> require(p, l.openRate() >= 1, "an open run needs load.openRate >= 1");
            default -> require(p, l.users().size() == 1, "a " + l.kind() + " run needs exactly one load.users");
        }
        if ("ladder".equals(l.kind())) {
            for (int i = 1; i < l.users().size(); i++) {
                require(p, l.users().get(i) > l.users().get(i - 1), "load.users must rise step by step");
            }
        }
        if (l.openRate() > 0) {
            require(p, l.openSeconds() >= 1, "load.openSeconds must be at least 1 with an open-model rate");
        }
    }

    private static void require(List<String> problems, boolean ok, String message) {
        if (!ok) {
            problems.add(message);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
