package lab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.runrecord.ScenarioSpec;

/**
 * What the command line changes in a catalogue entry ({@code --quick}, {@code --users},
 * {@code --delay-ms}, ...). Unset fields keep the entry's value; the result is checked again.
 */
public record Overrides(
        boolean quick,
        List<String> variants,
        List<Integer> users,
        Integer delayMs,
        Integer stepSeconds,
        Integer rampSeconds,
        Integer settleSeconds,
        Integer openRate,
        Integer openSeconds,
        Integer requestTimeoutMs,
        Integer repeats,
        Integer warmupUsers,
        Integer warmupMaxSeconds) {

    public ScenarioSpec apply(ScenarioSpec s) {
        ScenarioSpec.Load l = s.load();
        ScenarioSpec.Quick q = s.quick();
        List<Integer> ladder = users != null ? users : quick && !q.users().isEmpty() ? q.users() : l.users();
        int step = pick(stepSeconds, quick ? q.stepSeconds() : l.stepSeconds());
        int open = pick(openSeconds, quick ? q.openSeconds() : l.openSeconds());
        Map<String, Integer> query = new LinkedHashMap<>(s.request().query());
        if (delayMs != null) {
            if (!query.containsKey("delayMs")) {
                throw new IllegalArgumentException("--delay-ms: " + s.request().endpoint() + " (scenario " + s.name()
                        + ") calls no downstream, it has no delay");
            }
            query.put("delayMs", delayMs);
        }
        ScenarioSpec.Warmup w = s.warmup();
        ScenarioSpec.Warmup warmup = new ScenarioSpec.Warmup(
                pick(warmupUsers, w.users()),
                w.chunkSeconds(),
                w.stableChunks(),
                w.tolerance(),
                pick(warmupMaxSeconds, quick ? q.warmupMaxSeconds() : w.maxSeconds()),
                w.query());
        ScenarioSpec result = new ScenarioSpec(
                s.name(),
                s.title(),
                s.summary(),
                new ScenarioSpec.Request(s.request().endpoint(), query),
                variants != null ? new ArrayList<>(variants) : s.variants(),
                s.appArgs(),
                new ScenarioSpec.Load(
                        l.kind(),
                        ladder,
                        step,
                        pick(rampSeconds, l.rampSeconds()),
                        pick(settleSeconds, l.settleSeconds()),
                        pick(openRate, l.openRate()),
                        "open".equals(l.kind()) ? step : open,
                        pick(requestTimeoutMs, l.requestTimeoutMs())),
                s.phases(),
                s.prediction(),
                s.reading(),
                pick(repeats, quick ? q.repeats() : s.repeats()),
                warmup,
                q);
        Catalogue.check(result);
        return result;
    }

    /** The same spec with the ladder's users replaced (e.g. c10k lowered to fit the open-file limit). */
    public static ScenarioSpec withUsers(ScenarioSpec s, List<Integer> users) {
        ScenarioSpec.Load l = s.load();
        return new ScenarioSpec(
                s.name(),
                s.title(),
                s.summary(),
                s.request(),
                s.variants(),
                s.appArgs(),
                new ScenarioSpec.Load(
                        l.kind(),
                        users,
                        l.stepSeconds(),
                        l.rampSeconds(),
                        l.settleSeconds(),
                        l.openRate(),
                        l.openSeconds(),
                        l.requestTimeoutMs()),
                s.phases(),
                s.prediction(),
                s.reading(),
                s.repeats(),
                s.warmup(),
                s.quick());
    }

    private static int pick(Integer given, int otherwise) {
        return given != null ? given : otherwise;
    }
}
