package lab.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The case list and its golden files agree, and normalisation keeps order while hiding what varies. */
class GoldenFilesTest {

    @Test
    void everyCaseHasItsOwnGoldenFile() {
        Set<String> names = new HashSet<>();
        assertSoftly(soft -> {
            ContractCases.successes().forEach(c -> {
                soft.assertThat(names.add(c.name()))
                        .as("unique name %s", c.name())
                        .isTrue();
                soft.assertThat(Golden.find(c.name()))
                        .as("golden/%s.json", c.name())
                        .isPresent();
            });
            ContractCases.badInputs().forEach(c -> {
                soft.assertThat(names.add(c.name()))
                        .as("unique name %s", c.name())
                        .isTrue();
                soft.assertThat(Golden.find(c.name()))
                        .as("golden/%s.json", c.name())
                        .isPresent();
            });
        });
    }

    @Test
    void thereAreAtLeastTwentyKindsOfBadInput() {
        assertThat(ContractCases.badInputs()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void problemGoldensCarryTheirOwnStatus() {
        assertSoftly(soft -> ContractCases.badInputs()
                .forEach(c -> soft.assertThat(Golden.parse(Golden.load(c.name()))
                                .get("status")
                                .asInt())
                        .as("status in golden/%s.json", c.name())
                        .isEqualTo(c.status())));
    }

    @Test
    void normaliseReplacesVaryingMembersAndKeepsOrder() {
        String body = "{\"app\":\"mvc\",\"model\":\"thread-per-request\",\"thread\":\"http-nio-1-exec-1\","
                + "\"virtual\":false,\"calls\":1,\"delayMs\":5,\"elapsedMs\":7}";

        assertThat(Golden.normalise(body))
                .isEqualTo("{\"app\":\"<app>\",\"model\":\"<model>\",\"thread\":\"<thread>\","
                        + "\"virtual\":\"<virtual>\",\"calls\":1,\"delayMs\":5,\"elapsedMs\":\"<elapsedMs>\"}");
    }

    @Test
    void normaliseLeavesNonJsonAlone() {
        assertThat(Golden.normalise("<html>oops</html>")).isEqualTo("<html>oops</html>");
    }

    @Test
    void queryHelperBuildsExactLengths() {
        assertThat(ContractCases.query(ContractCases.MAX_QUERY_LENGTH)).hasSize(ContractCases.MAX_QUERY_LENGTH);
    }
}
