package lab.app.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import lab.app.core.problem.Problem;
import lab.app.core.problem.ProblemException;
import lab.app.core.settings.LabProperties.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestParserTest {

    private final RequestParser parser = new RequestParser(new Limits(10_000, 65_536, 32, 1_000_000, 1024));

    @Test
    void absentParametersTakeTheContractDefaults() {
        assertThat(parser.parse(Endpoint.IO, null)).isEqualTo(new ApiRequest(100, 128, 4, 1000));
        assertThat(parser.parse(Endpoint.FANOUT, "")).isEqualTo(new ApiRequest(100, 128, 4, 1000));
    }

    @Test
    void givenParametersAreParsedAndDecoded() {
        assertThat(parser.parse(Endpoint.IO, "delayMs=250&bytes=%31%30")).isEqualTo(new ApiRequest(250, 10, 4, 1000));
        assertThat(parser.parse(Endpoint.FANOUT, "calls=32&delayMs=0")).isEqualTo(new ApiRequest(0, 128, 32, 1000));
        assertThat(parser.parse(Endpoint.CPU, "rounds=1000000")).isEqualTo(new ApiRequest(100, 128, 4, 1_000_000));
    }

    @Test
    void boundsAreInclusive() {
        assertThat(parser.parse(Endpoint.IO, "delayMs=0&bytes=65536").delayMs()).isZero();
        assertThat(parser.parse(Endpoint.IO, "delayMs=10000").delayMs()).isEqualTo(10_000);
        assertThat(parser.parse(Endpoint.FANOUT, "calls=1").calls()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "delayMs=10001",
                "delayMs=-1",
                "delayMs=abc",
                "delayMs=",
                "delayMs",
                "delayMs=1.5",
                "delayMs=+5",
                "delayMs=%20100",
                "delayMs=99999999999999",
                "delayMs=1e3",
                "delayMs=%zz",
                "delayMs=5%2",
                "delayMs=%D9%A1%D9%A0",
                "delayMs=%EF%BC%95",
                "delayMs=%2B5",
                "delayMs=0x10"
            })
    void rejectsValuesThatAreNotAnIntegerInRange(String query) {
        Problem problem = problemOf(Endpoint.IO, query);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("https://lab.example/problems/invalid-parameter");
        assertThat(problem.detail()).isEqualTo("delayMs must be an integer between 0 and 10000");
        assertThat(problem.parameter()).isEqualTo("delayMs");
        assertThat(problem.instance()).isEqualTo("/api/io");
    }

    @Test
    void rejectsRepeatedParameters() {
        Problem problem = problemOf(Endpoint.IO, "delayMs=1&delayMs=1");
        assertThat(problem.detail()).isEqualTo("delayMs must be given once");
        assertThat(problem.parameter()).isEqualTo("delayMs");
    }

    @Test
    void rejectsParametersTheEndpointDoesNotTake() {
        assertThat(problemOf(Endpoint.CPU, "delayMs=1").detail()).isEqualTo("unknown parameter delayMs");
        Problem unknown = problemOf(Endpoint.IO, "foo=1");
        assertThat(unknown.detail()).isEqualTo("unknown parameter foo");
        assertThat(unknown.parameter()).isEqualTo("foo");
        assertThat(problemOf(Endpoint.IO, "DelayMs=5").detail()).isEqualTo("unknown parameter DelayMs");
    }

    @Test
    void upperBoundsComeFromTheSettings() {
        RequestParser strict = new RequestParser(new Limits(50, 10, 2, 5, 1024));
        assertThat(strict.parse(Endpoint.IO, "delayMs=50").delayMs()).isEqualTo(50);
        assertThat(catchThrowableOfType(ProblemException.class, () -> strict.parse(Endpoint.FANOUT, "calls=3"))
                        .problem()
                        .detail())
                .isEqualTo("calls must be an integer between 1 and 2");
    }

    private Problem problemOf(Endpoint endpoint, String query) {
        return catchThrowableOfType(ProblemException.class, () -> parser.parse(endpoint, query))
                .problem();
    }
}
