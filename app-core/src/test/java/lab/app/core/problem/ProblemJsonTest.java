package lab.app.core.problem;

import static org.assertj.core.api.Assertions.assertThat;

import lab.app.core.result.ApiResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

class ProblemJsonTest {

    // Alphabetical sorting on proves the order comes from the annotations, not from the mapper's defaults.
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    @Test
    void parameterProblemsSerialiseInContractOrder() {
        Problem problem =
                Problem.invalidParameter("delayMs", "delayMs must be an integer between 0 and 10000", "/api/io");
        assertThat(mapper.writeValueAsString(problem))
                .isEqualTo(
                        "{\"type\":\"https://lab.example/problems/invalid-parameter\",\"title\":\"Invalid parameter\",\"status\":400,"
                                + "\"detail\":\"delayMs must be an integer between 0 and 10000\",\"instance\":\"/api/io\",\"parameter\":\"delayMs\"}");
    }

    @Test
    void otherProblemsHaveNoParameterMember() {
        assertThat(mapper.writeValueAsString(ProblemType.NOT_FOUND.at("/nope")))
                .isEqualTo(
                        "{\"type\":\"https://lab.example/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                                + "\"detail\":\"no endpoint at this path\",\"instance\":\"/nope\"}");
    }

    @Test
    void successBodySerialisesInContractOrder() {
        ApiResult result = new ApiResult("mvc", "thread-per-request", "http-nio-8081-exec-7", false, 1, 100, 104);
        assertThat(mapper.writeValueAsString(result))
                .isEqualTo(
                        "{\"app\":\"mvc\",\"model\":\"thread-per-request\",\"thread\":\"http-nio-8081-exec-7\",\"virtual\":false,"
                                + "\"calls\":1,\"delayMs\":100,\"elapsedMs\":104}");
    }

    @Test
    void containerStatusesMapOntoTheCatalogue() {
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(400)).isEqualTo(ProblemType.BAD_REQUEST);
        assertThat(ProblemType.forStatus(413)).isEqualTo(ProblemType.CONTENT_TOO_LARGE);
        assertThat(ProblemType.forStatus(431)).isEqualTo(ProblemType.BAD_REQUEST);
        assertThat(ProblemType.forStatus(500)).isEqualTo(ProblemType.INTERNAL_ERROR);
        assertThat(ProblemType.forStatus(503)).isEqualTo(ProblemType.OVERLOADED);
    }
}
