package lab.runner.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A variant's whole measured run in one Gatling run: the closed-model ladder, then (when
 * {@code openSeconds > 0}) one open-model step at {@code openRate} arrivals per second. The
 * answer has one steady window per ladder step, then the open step's.
 *
 * @param label folder name of the run's report under the output's {@code gatling/} folder
 * @param simulation a closed-model simulation of the gatling module (the endpoint):
 *     {@link LoadRequest#CLOSED} for {@code /api/io}, or Fanout/CpuBound/BlockingIo
 * @param ladder concurrent users of each closed-model step, in order
 * @param rampSeconds ramp before each step (closed: from the previous level; open: from 1/s)
 * @param durationSeconds length of each closed-model step after its ramp
 * @param settleSeconds start of each steady window after the end of its ramp
 * @param openRate arrivals per second of the open step (ignored when {@code openSeconds} is 0)
 * @param openSeconds length of the open step after its ramp; 0 for none
 * @param endpointProperties the endpoint's own settings ({@code bytes}, {@code calls},
 *     {@code rounds}), as system properties of the gatling module's {@code LoadSettings}
 */
public record LadderRequest(
        String label,
        String simulation,
        String target,
        List<Integer> ladder,
        int delayMs,
        int rampSeconds,
        int durationSeconds,
        int settleSeconds,
        int openRate,
        int openSeconds,
        int requestTimeoutMs,
        boolean htmlReport,
        Map<String, String> endpointProperties) {

    /** Gatling's closed model holds one connection per user; the guard sits just above the peak. */
    private static final int MIN_CONNECTIONS = 1;

    public LadderRequest {
        ladder = List.copyOf(ladder);
        endpointProperties = Map.copyOf(endpointProperties);
        if (ladder.isEmpty()) {
            throw new IllegalArgumentException("a ladder needs at least one step");
        }
    }

    /** The {@code /api/io} ladder with the lab's defaults for the rest. */
    public static LadderRequest io(
            String label,
            String target,
            List<Integer> ladder,
            int delayMs,
            int rampSeconds,
            int durationSeconds,
            int settleSeconds,
            int openRate,
            int openSeconds,
            int requestTimeoutMs) {
        return new LadderRequest(
                label,
                LoadRequest.CLOSED,
                target,
                ladder,
                delayMs,
                rampSeconds,
                durationSeconds,
                settleSeconds,
                openRate,
                openSeconds,
                requestTimeoutMs,
                true,
                Map.of());
    }

    /** The simulation's system properties (names from the gatling module's {@code LoadSettings}). */
    public Map<String, String> systemProperties() {
        Map<String, String> p = new LinkedHashMap<>(endpointProperties);
        p.put("target", target);
        p.put("ladder", ladder.stream().map(String::valueOf).collect(Collectors.joining(",")));
        p.put("delayMs", Integer.toString(delayMs));
        p.put("rampSeconds", Integer.toString(rampSeconds));
        p.put("durationSeconds", Integer.toString(durationSeconds));
        p.put("settleSeconds", Integer.toString(settleSeconds));
        p.put("openSeconds", Integer.toString(openSeconds));
        if (openSeconds > 0) {
            p.put("rate", Integer.toString(openRate));
        }
        p.put("requestTimeoutMs", Integer.toString(requestTimeoutMs));
        p.put("maxConnections", Integer.toString(Math.max(peakUsers(), MIN_CONNECTIONS)));
        // The lab records failures as data; a failed assertion would only turn them into an exit code.
        p.put("assertions", "false");
        return p;
    }

    public int peakUsers() {
        return ladder.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /**
     * How long the run takes by its plan: every step and ramp, the drain of the ladder's last
     * requests before the open step starts (at most their timeout, plus Gatling's one-second
     * tick), and the open step's drain.
     */
    public Duration plannedDuration() {
        Duration ladderTime = Duration.ofSeconds((long) ladder.size() * (rampSeconds + durationSeconds))
                .plusMillis(requestTimeoutMs);
        if (openSeconds == 0) {
            return ladderTime;
        }
        return ladderTime.plusSeconds(1 + rampSeconds + openSeconds).plusMillis(requestTimeoutMs);
    }
}
