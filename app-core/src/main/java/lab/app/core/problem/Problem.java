package lab.app.core.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An RFC 9457 problem body; member order is part of the contract (both apps byte for byte). */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "parameter"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String parameter) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem invalidParameter(String parameter, String detail, String instance) {
        ProblemType kind = ProblemType.INVALID_PARAMETER;
        return new Problem(kind.type(), kind.title(), kind.status(), detail, instance, parameter);
    }

    public static Problem uriTooLong(String instance, int maxQueryLength) {
        return ProblemType.URI_TOO_LONG.at(instance, "query string longer than " + maxQueryLength + " characters");
    }
}
