package lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One line saying what was measured: endpoint, downstream delay, step length, user range. */
final class Subtitle {

    private Subtitle() {}

    static String of(Results results) {
        Map<String, Object> settings = Settings.flatten(results.settings());
        List<String> parts = new ArrayList<>();
        Settings.find(settings, "endpoint").ifPresent(endpoint -> parts.add("GET " + endpoint));
        Settings.find(settings, "delayMs")
                .ifPresent(delay -> parts.add("downstream delay " + Settings.display(delay) + " ms"));
        Settings.find(settings, "stepSeconds").ifPresent(step -> parts.add(Settings.display(step) + " s per step"));
        List<Integer> users = results.variants().stream()
                .flatMap(variant -> variant.steps().stream())
                .map(Step::users)
                .sorted()
                .toList();
        if (!users.isEmpty()) {
            parts.add("users " + Fmt.count(users.getFirst()) + " … " + Fmt.count(users.getLast()));
        }
        parts.add("variants "
                + String.join(
                        ", ", results.variants().stream().map(Variant::name).toList()));
        return String.join(" · ", parts);
    }
}
