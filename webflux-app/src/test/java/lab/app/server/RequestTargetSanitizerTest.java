package lab.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTargetSanitizerTest {

    @Test
    void strayPercentsInTheQueryAreEscapedAndValidEscapesKept() {
        assertThat(RequestTargetSanitizer.escapeStrayPercents("delayMs=5&bytes=%31"))
                .isEqualTo("delayMs=5&bytes=%31");
        assertThat(RequestTargetSanitizer.escapeStrayPercents("delayMs=%zz")).isEqualTo("delayMs=%25zz");
        assertThat(RequestTargetSanitizer.escapeStrayPercents("delayMs=5%2")).isEqualTo("delayMs=5%252");
    }

    @Test
    void charactersOutsideRfc3986MakeTheTargetIllegal() {
        assertThat(RequestTargetSanitizer.allLegal("/api/io?delayMs=5&x=a-b_c.d~e%20"))
                .isTrue();
        assertThat(RequestTargetSanitizer.allLegal("/api/io?x=|")).isFalse();
        assertThat(RequestTargetSanitizer.allLegal("/api/io?x={1}")).isFalse();
        assertThat(RequestTargetSanitizer.allLegal("/api/\u00e9")).isFalse();
    }

    @Test
    void malformedEscapesInThePathAreDetected() {
        assertThat(RequestTargetSanitizer.escapesWellFormed("/api/io%2F")).isTrue();
        assertThat(RequestTargetSanitizer.escapesWellFormed("/api/%zz")).isFalse();
        assertThat(RequestTargetSanitizer.escapesWellFormed("/%")).isFalse();
    }
}
