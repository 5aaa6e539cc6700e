package lab.resilience.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Assertions on what an app may say in a body: catalogue problems, and never its internals. */
public final class Bodies {

    /**
     * Text that only appears when internals leak: stack frames, exception names, framework
     * packages, server versions. (Echoed user input is not in this list: the catalogue's detail
     * names an unknown parameter, and JSON is not rendered as markup.)
     */
    public static final List<String> INTERNALS = List.of(
            "Exception",
            "exception",
            "at java.",
            "at org.",
            "\tat ",
            "Caused by",
            "java.lang",
            "java.io",
            "org.springframework",
            "org.apache",
            "io.netty",
            "reactor.",
            "tools.jackson",
            "\"trace\"",
            "Apache Tomcat/");

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM_TYPE_PREFIX = "https://lab.example/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Bodies() {}

    public static void assertNoInternals(String body) {
        assertThat(body)
                .as("a body must not leak internals or echo hostile input")
                .doesNotContain(INTERNALS);
    }

    /** The reply is the catalogue problem {@code typeSuffix} with {@code status}, and nothing more. */
    public static void assertProblem(Reply reply, int status, String typeSuffix) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.contentType()).as("content type of %s", reply).startsWith(PROBLEM_JSON);
        JsonNode problem = JSON.readTree(reply.body());
        assertThat(problem.path("type").asString()).as("type of %s", reply).isEqualTo(PROBLEM_TYPE_PREFIX + typeSuffix);
        assertThat(problem.path("status").asInt())
                .as("status member of %s", reply)
                .isEqualTo(status);
        assertThat(problem.path("title").asString()).as("title of %s", reply).isNotBlank();
        assertNoInternals(reply.body());
    }
}
