package lab.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import lab.contract.ContractCases;
import lab.contract.ContractCases.BadInput;
import lab.contract.ContractCases.Success;
import lab.contract.Golden;
import lab.contract.kit.Http;
import lab.contract.kit.RawHttp;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract's whole request list against the live jars at once: mvc (both models) and webflux
 * answer with the same status, content type and body, once {@code app}, {@code model},
 * {@code thread}, {@code virtual} and {@code elapsedMs} are normalised.
 */
@ExtendWith(FleetExtension.class)
class IdenticalBodiesTest {

    static Stream<Success> successes() {
        return ContractCases.successes().stream();
    }

    static Stream<BadInput> badInputs() {
        return ContractCases.badInputs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("successes")
    void goodRequestsGetTheSameAnswerFromEveryVariant(Success good, Fleet fleet) {
        Http.Response mvc = Http.get(fleet.baseUrl(FleetApp.MVC) + good.target(), Map.of("Accept", "application/json"));
        for (FleetApp other : new FleetApp[] {FleetApp.WEBFLUX, FleetApp.MVC_VT}) {
            Http.Response answer = Http.get(fleet.baseUrl(other) + good.target(), Map.of("Accept", "application/json"));
            assertSoftly(soft -> {
                soft.assertThat(answer.status()).as("status, mvc vs %s", other).isEqualTo(mvc.status());
                soft.assertThat(answer.header("Content-Type"))
                        .as("content type, mvc vs %s", other)
                        .isEqualTo(mvc.header("Content-Type"));
                soft.assertThat(Golden.normalise(answer.body()))
                        .as("normalised body, mvc vs %s", other)
                        .isEqualTo(Golden.normalise(mvc.body()));
            });
        }
        assertThat(mvc.status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badRequestsGetTheSameProblemFromEveryVariant(BadInput bad, Fleet fleet) {
        RawHttp.Response mvc = send(bad, fleet.baseUrl(FleetApp.MVC));
        for (FleetApp other : new FleetApp[] {FleetApp.WEBFLUX, FleetApp.MVC_VT}) {
            RawHttp.Response answer = send(bad, fleet.baseUrl(other));
            assertSoftly(soft -> {
                soft.assertThat(answer.status()).as("status, mvc vs %s", other).isEqualTo(mvc.status());
                soft.assertThat(answer.header("Content-Type"))
                        .as("content type, mvc vs %s", other)
                        .isEqualTo(mvc.header("Content-Type"));
                soft.assertThat(answer.header("Allow"))
                        .as("Allow, mvc vs %s", other)
                        .isEqualTo(mvc.header("Allow"));
                soft.assertThat(answer.body())
                        .as("body byte for byte, mvc vs %s", other)
                        .isEqualTo(mvc.body());
            });
        }
        assertThat(mvc.status()).isEqualTo(bad.status());
    }

    private static RawHttp.Response send(BadInput bad, String baseUrl) {
        int port = URI.create(baseUrl).getPort();
        return RawHttp.send("127.0.0.1", port, bad.rawRequest(port));
    }
}
