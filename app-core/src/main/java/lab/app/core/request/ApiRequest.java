package lab.app.core.request;

import java.util.Map;

/** The validated parameters of one request; parameters an endpoint does not take keep their defaults. */
public record ApiRequest(int delayMs, int bytes, int calls, int rounds) {

    static ApiRequest of(Map<Parameter, Integer> given) {
        return new ApiRequest(
                valueOf(given, Parameter.DELAY_MS),
                valueOf(given, Parameter.BYTES),
                valueOf(given, Parameter.CALLS),
                valueOf(given, Parameter.ROUNDS));
    }

    private static int valueOf(Map<Parameter, Integer> given, Parameter parameter) {
        return given.getOrDefault(parameter, parameter.defaultValue());
    }
}
