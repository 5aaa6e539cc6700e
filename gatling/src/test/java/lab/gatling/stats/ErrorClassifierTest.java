package lab.gatling.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            j.n.ConnectException: finishConnect(..) failed with error(-111): Connection refused | connect refused
            i.n.c.ConnectTimeoutException: connection timed out after 10000 ms: /127.0.0.1:8082 | connect timeout
            Request timeout to 127.0.0.1/127.0.0.1:8082 after 10000 ms                     | timeout
            status.find.is(200), found 503                                                 | status 503
            status.find.in([200, 209], 304), found 502                                     | status 502
            status.find.is(200), found 504                                                 | status 504
            i.g.h.c.i.PrematureCloseException: Premature close                             | premature close
            j.i.IOException: Connection reset by peer                                      | connection reset
            j.n.SocketException: Too many open files                                       | too many open files
            j.n.BindException: Cannot assign requested address                             | no local ports
            """)
    void mapsGatlingMessagesToStableClasses(String message, String expected) {
        assertThat(ErrorClassifier.classify(message)).isEqualTo(expected);
    }

    @Test
    void keepsUnknownMessagesVisible() {
        assertThat(ErrorClassifier.classify("something nobody expected")).isEqualTo("other: something nobody expected");
    }

    @Test
    void shortensLongUnknownMessages() {
        String classified = ErrorClassifier.classify("x".repeat(500));

        assertThat(classified).startsWith("other: ").endsWith("...").hasSizeLessThan(100);
    }
}
