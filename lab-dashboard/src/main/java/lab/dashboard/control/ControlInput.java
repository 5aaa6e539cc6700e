package lab.dashboard.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.dashboard.DashboardProperties.Limits;
import lab.dashboard.load.LoadSetting;
import lab.dashboard.stub.FaultMix;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a control's JSON body strictly: an unknown member, a value of the wrong type (a string,
 * a fraction, a boolean where an integer belongs) or out of range is a 400 that names the member,
 * and nothing changes. Written out by hand rather than bound to a record so that every refusal
 * says exactly what is accepted.
 */
final class ControlInput {

    static final String MODE = "mode";
    static final String USERS = "users";
    static final String RATE = "rate";
    static final List<String> FAULT_MEMBERS =
            List.of("extraLatencyMs", "jitterMs", "errorPercent", "resetPercent", "hangPercent", "closePercent");
    private static final int MAX_PERCENT = 100;

    private final JsonMapper json;
    private final Limits limits;

    ControlInput(JsonMapper json, Limits limits) {
        this.json = json;
        this.limits = limits;
    }

    /** {@code {"mode":"users","users":400}}, {@code {"mode":"rate","rate":2000}} or {@code {"mode":"off"}}. */
    LoadSetting load(String body) {
        JsonNode node = object(
                body,
                "a JSON object: {\"mode\":\"users\",\"users\":N}, {\"mode\":\"rate\",\"rate\":R}"
                        + " or {\"mode\":\"off\"}");
        onlyMembers(node, Set.of(MODE, USERS, RATE));
        JsonNode mode = node.get(MODE);
        if (mode == null || !mode.isString()) {
            throw new InvalidControlException(MODE, "mode must be one of off, users, rate");
        }
        return switch (mode.asString()) {
            case "off" -> {
                absent(node, USERS, "off");
                absent(node, RATE, "off");
                yield LoadSetting.OFF;
            }
            case "users" -> {
                absent(node, RATE, "users");
                yield LoadSetting.users(integer(node, USERS, 1, limits.maxUsers()));
            }
            case "rate" -> {
                absent(node, USERS, "rate");
                yield LoadSetting.rate(integer(node, RATE, 1, limits.maxRate()));
            }
            default -> throw new InvalidControlException(MODE, "mode must be one of off, users, rate");
        };
    }

    /** Any of the fault mix's members; the rest keep their current value. */
    Map<String, Integer> faults(String body) {
        JsonNode node = object(
                body, "a JSON object with one or more of the integer members " + String.join(", ", FAULT_MEMBERS));
        onlyMembers(node, Set.copyOf(FAULT_MEMBERS));
        if (node.isEmpty()) {
            throw new InvalidControlException(null, "give at least one of " + String.join(", ", FAULT_MEMBERS));
        }
        Map<String, Integer> given = new LinkedHashMap<>();
        for (String member : FAULT_MEMBERS) {
            if (node.has(member)) {
                int max = member.endsWith("Percent") ? MAX_PERCENT : limits.maxExtraLatencyMs();
                given.put(member, integer(node, member, 0, max));
            }
        }
        return given;
    }

    /** {@code current} with {@code given} on top; the four shares may add up to 100 at most. */
    static FaultMix merge(FaultMix current, Map<String, Integer> given) {
        FaultMix mix = new FaultMix(
                given.getOrDefault("extraLatencyMs", current.extraLatencyMs()),
                given.getOrDefault("jitterMs", current.jitterMs()),
                given.getOrDefault("errorPercent", current.errorPercent()),
                given.getOrDefault("resetPercent", current.resetPercent()),
                given.getOrDefault("hangPercent", current.hangPercent()),
                given.getOrDefault("closePercent", current.closePercent()));
        int shares = mix.errorPercent() + mix.resetPercent() + mix.hangPercent() + mix.closePercent();
        if (shares > MAX_PERCENT) {
            throw new InvalidControlException(
                    null,
                    "errorPercent + resetPercent + hangPercent + closePercent must be at most 100 (would be " + shares
                            + ")");
        }
        return mix;
    }

    private JsonNode object(String body, String expected) {
        if (body == null || body.isBlank()) {
            throw new InvalidControlException(null, "the body must be " + expected);
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidControlException(null, "the body is not valid JSON; it must be " + expected);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidControlException(null, "the body must be " + expected);
        }
        return node;
    }

    private static void onlyMembers(JsonNode node, Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new InvalidControlException(name, "unknown member " + name);
            }
        }
    }

    private static void absent(JsonNode node, String member, String mode) {
        if (node.has(member)) {
            throw new InvalidControlException(member, member + " does not apply to mode " + mode);
        }
    }

    private static int integer(JsonNode node, String member, int min, int max) {
        JsonNode value = node.get(member);
        String rule = member + " must be an integer between " + min + " and " + max;
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidControlException(member, rule);
        }
        int v = value.asInt();
        if (v < min || v > max) {
            throw new InvalidControlException(member, rule);
        }
        return v;
    }
}
