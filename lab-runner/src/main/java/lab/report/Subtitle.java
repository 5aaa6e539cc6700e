package lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lab.runrecord.RunResults;
import lab.runrecord.ScenarioSpec;

/** One line saying what was measured: scenario, request, load, repeats, variants. */
final class Subtitle {

    private Subtitle() {}

    static String of(RunResults run) {
        List<String> parts = new ArrayList<>();
        ScenarioSpec scenario = run.scenario();
        if (scenario != null) {
            parts.add("scenario " + scenario.name());
            if (scenario.request() != null) {
                parts.add("GET " + request(scenario.request()));
            }
            if (scenario.load() != null && !Runs.timeSeries(run)) {
                parts.add(scenario.load().stepSeconds() + " s per step (+"
                        + scenario.load().rampSeconds() + " s ramp)");
            }
            parts.add(scenario.repeats() == 1 ? "1 repeat" : scenario.repeats() + " repeats");
        }
        TreeSet<Integer> users = new TreeSet<>();
        run.variants()
                .forEach(v ->
                        Steps.closed(v).forEach(step -> users.add(step.load().users())));
        if (users.size() > 1) {
            parts.add("users " + Fmt.count(users.first()) + " … " + Fmt.count(users.last()));
        } else if (users.size() == 1) {
            parts.add(Fmt.count(users.first()) + " users");
        }
        parts.add("variants " + String.join(", ", Runs.names(run)));
        return String.join(" · ", parts);
    }

    /** "/api/io?bytes=128&delayMs=100". */
    static String request(ScenarioSpec.Request request) {
        if (request.query().isEmpty()) {
            return request.endpoint();
        }
        return request.endpoint() + "?"
                + new TreeMap<>(request.query())
                        .entrySet().stream()
                                .map(Map.Entry::getKey)
                                .map(key -> key + "=" + request.query().get(key))
                                .collect(Collectors.joining("&"));
    }
}
