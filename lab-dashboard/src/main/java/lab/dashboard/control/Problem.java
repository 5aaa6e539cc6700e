package lab.dashboard.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem in the apps' and the stub's catalogue style (docs/contract.md): a type URI
 * per kind of problem, a human title, the status, what went wrong, the path, and for a bad control
 * value the member at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, String instance, String parameter) {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://lab.example/problems/";

    static Problem invalidParameter(String parameter, String detail, String instance) {
        return new Problem(
                TYPE_BASE + "invalid-parameter",
                "Invalid parameter",
                HttpStatus.BAD_REQUEST.value(),
                detail,
                instance,
                parameter);
    }

    static Problem of(String typeSuffix, HttpStatus status, String detail, String instance) {
        return new Problem(TYPE_BASE + typeSuffix, title(status), status.value(), detail, instance, null);
    }

    private static String title(HttpStatus status) {
        String phrase = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }
}
