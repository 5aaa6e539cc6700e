package lab.app.core.render;

import lab.app.core.problem.Problem;
import lab.app.core.problem.ProblemType;
import lab.app.core.request.Endpoint;
import lab.app.core.settings.LabProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a catalogue problem into bytes and headers. The body is serialised here (not by content
 * negotiation) so it is written even when the client's Accept excludes JSON (the 406 case), and so
 * both apps emit the same bytes.
 */
@Component
public class ProblemRenderer {

    public static final MediaType PROBLEM_JSON = MediaType.parseMediaType(Problem.MEDIA_TYPE);

    private final JsonMapper jsonMapper;
    private final long retryAfterSeconds;

    ProblemRenderer(JsonMapper jsonMapper, LabProperties properties) {
        this.jsonMapper = jsonMapper;
        this.retryAfterSeconds = properties.overload().retryAfterSeconds();
    }

    public byte[] body(Problem problem) {
        return jsonMapper.writeValueAsBytes(problem);
    }

    public HttpHeaders headers(Problem problem) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(PROBLEM_JSON);
        if (problem.status() == ProblemType.METHOD_NOT_ALLOWED.status()) {
            headers.set(HttpHeaders.ALLOW, Endpoint.ALLOWED_METHODS);
        }
        if (problem.status() == ProblemType.OVERLOADED.status()) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        return headers;
    }

    public ResponseEntity<byte[]> entity(Problem problem) {
        return ResponseEntity.status(problem.status()).headers(headers(problem)).body(body(problem));
    }
}
