package lab.stub.problem;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Serialises problems once, for both the Reactor Netty route and the WebFlux side. */
@Component
public class ProblemWriter {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final JsonMapper jsonMapper;

    ProblemWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public byte[] toJson(Problem problem) {
        return jsonMapper.writeValueAsBytes(problem);
    }
}
