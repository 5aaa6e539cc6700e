package lab.stub.delay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import lab.stub.StubProperties;
import lab.stub.problem.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelayQueryTest {

    private final DelayQuery query = new DelayQuery(
            new StubProperties.Limits(120_000, 1_048_576, Duration.ofMinutes(5)),
            new StubProperties.Defaults(100, 128));

    @Test
    void absentParametersTakeTheDefaults() {
        assertThat(query.parse("/delay")).isEqualTo(new DelayParameters(100, 128, 0, DelayParameters.NO_STATUS, null));
    }

    @Test
    void everyParameterIsReadAtItsBounds() {
        assertThat(query.parse("/delay?ms=120000&bytes=1048576&jitterMs=120000&status=599&fault=hang"))
                .isEqualTo(new DelayParameters(120_000, 1_048_576, 120_000, 599, Fault.HANG));
        assertThat(query.parse("/delay?ms=0&bytes=0&jitterMs=0&status=200&fault=reset"))
                .isEqualTo(new DelayParameters(0, 0, 0, 200, Fault.RESET));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /delay?ms=abc                 | ms       | ms must be an integer between 0 and 120000
            /delay?ms=-1                  | ms       | ms must be an integer between 0 and 120000
            /delay?ms=+5                  | ms       | ms must be an integer between 0 and 120000
            /delay?ms=1.5                 | ms       | ms must be an integer between 0 and 120000
            /delay?ms=120001              | ms       | ms must be an integer between 0 and 120000
            /delay?ms=99999999999999999999 | ms      | ms must be an integer between 0 and 120000
            /delay?ms=                    | ms       | ms must be an integer between 0 and 120000
            /delay?ms                     | ms       | ms must be an integer between 0 and 120000
            /delay?ms=1&ms=1              | ms       | ms must be given once
            /delay?bytes=1048577          | bytes    | bytes must be an integer between 0 and 1048576
            /delay?jitterMs=120001        | jitterMs | jitterMs must be an integer between 0 and 120000
            /delay?status=199             | status   | status must be an integer between 200 and 599
            /delay?status=600             | status   | status must be an integer between 200 and 599
            /delay?fault=explode          | fault    | fault must be one of reset, close, hang
            /delay?fault=RESET            | fault    | fault must be one of reset, close, hang
            /delay?foo=1                  | foo      | unknown parameter foo
            /delay?MS=1                   | MS       | unknown parameter MS
            """)
    void badInputNamesTheParameterAndTheRule(String uri, String parameter, String detail) {
        assertThatThrownBy(() -> query.parse(uri)).isInstanceOfSatisfying(InvalidParameterException.class, e -> {
            assertThat(e.parameter()).isEqualTo(parameter);
            assertThat(e.detail()).isEqualTo(detail);
        });
    }

    /**
     * Plain queries are read in place, the others by Netty's decoder; both must give the same
     * parameters or the same error. A {@code #} sends a query to the decoder without changing it
     * (the decoder stops there), so every query is parsed both ways and compared.
     */
    @Test
    void plainQueriesReadInPlaceGiveWhatTheDecoderGives() {
        Random random = new Random(42);
        String[] names = {"ms", "bytes", "jitterMs", "status", "fault", "foo", "MS", "m"};
        String[] values = {
            "",
            "0",
            "5",
            "100",
            "120000",
            "120001",
            "1048577",
            "200",
            "599",
            "600",
            "abc",
            "-1",
            "1=2",
            "1.5",
            "99999999999999999999",
            "000000000000000005",
            "reset",
            "close",
            "hang",
            "RESET"
        };
        for (int i = 0; i < 20_000; i++) {
            StringBuilder uri = new StringBuilder("/delay?");
            int pairs = random.nextInt(5);
            for (int p = 0; p < pairs; p++) {
                if (p > 0) {
                    uri.append(random.nextInt(8) == 0 ? "&&" : "&");
                }
                uri.append(names[random.nextInt(names.length)]);
                if (random.nextInt(6) > 0) {
                    uri.append('=').append(values[random.nextInt(values.length)]);
                }
            }
            String plain = uri.toString();
            assertThat(outcome(plain)).as(plain).isEqualTo(outcome(plain + "#"));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /delay?ms=5&bytes=7             | DelayParameters[ms=5, bytes=7, jitterMs=0, status=0, fault=null]
            /delay?ms=5&                    | DelayParameters[ms=5, bytes=128, jitterMs=0, status=0, fault=null]
            /delay?&&ms=5&&fault=close      | DelayParameters[ms=5, bytes=128, jitterMs=0, status=0, fault=CLOSE]
            /delay?                         | DelayParameters[ms=100, bytes=128, jitterMs=0, status=0, fault=null]
            /delay?m%73=5                   | DelayParameters[ms=5, bytes=128, jitterMs=0, status=0, fault=null]
            /delay?ms=5;bytes=9             | DelayParameters[ms=5, bytes=9, jitterMs=0, status=0, fault=null]
            /delay?=x&ms=5                  | x: unknown parameter x
            /delay?ms=5#bytes=9             | DelayParameters[ms=5, bytes=128, jitterMs=0, status=0, fault=null]
            /delay?ms=abc&bytes=1&bytes=2   | ms: ms must be an integer between 0 and 120000
            /delay?bytes=1&bytes=2&ms=abc   | ms: ms must be an integer between 0 and 120000
            /delay?ms=1&ms=2&foo=3          | foo: unknown parameter foo
            /delay?bytes=x&foo=1            | foo: unknown parameter foo
            /delay?foo=1&ms=%zz             | null: the query string is not valid URL encoding
            """)
    void plainAndDecodedQueriesFollowTheSameRules(String uri, String expected) {
        assertThat(outcome(uri)).isEqualTo(expected);
    }

    /** The parameters, or the error as "parameter: detail". */
    private String outcome(String uri) {
        try {
            return query.parse(uri).toString();
        } catch (InvalidParameterException e) {
            return e.parameter() + ": " + e.detail();
        }
    }

    @Test
    void malformedEscapesAreRejectedWithoutNamingAParameter() {
        assertThatThrownBy(() -> query.parse("/delay?ms=%zz"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isNull();
                    assertThat(e.detail()).isEqualTo("the query string is not valid URL encoding");
                });
    }
}
