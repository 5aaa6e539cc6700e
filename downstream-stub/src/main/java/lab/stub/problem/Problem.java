package lab.stub.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem in the exact shape of the apps' catalogue (docs/contract.md): members in
 * this order, {@code parameter} only for parameter errors, never exception text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "parameter"})
public record Problem(String type, String title, int status, String detail, String instance, String parameter) {

    static final String TYPE_PREFIX = "https://lab.example/problems/";

    public static Problem invalidParameter(String parameter, String detail, String instance) {
        return new Problem(TYPE_PREFIX + "invalid-parameter", "Invalid parameter", 400, detail, instance, parameter);
    }

    public static Problem notFound(String instance) {
        return of(HttpStatus.NOT_FOUND, "no endpoint at this path", instance);
    }

    public static Problem methodNotAllowed(String method, String allowed, String instance) {
        return of(
                HttpStatus.METHOD_NOT_ALLOWED,
                "method " + method + " is not allowed here; allowed: " + allowed,
                instance);
    }

    /** An error answer the client asked for (or the runtime mix chose): not a stub failure. */
    public static Problem injected(int status, String instance) {
        return new Problem(
                TYPE_PREFIX + "injected-fault",
                "Injected fault",
                status,
                "the stub was asked to answer " + status,
                instance,
                null);
    }

    /** Type slug and title derived from the status, e.g. 406 gives not-acceptable / Not acceptable. */
    public static Problem of(HttpStatus status, String detail, String instance) {
        String phrase = status.getReasonPhrase();
        String sentence = phrase.charAt(0) + phrase.substring(1).toLowerCase(Locale.ROOT);
        String slug = phrase.toLowerCase(Locale.ROOT).replace(' ', '-');
        return new Problem(TYPE_PREFIX + slug, sentence, status.value(), detail, instance, null);
    }
}
