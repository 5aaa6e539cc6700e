package lab.resilience.lockdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import lab.contract.kit.RawHttp;
import lab.resilience.support.Bodies;
import lab.resilience.support.Client;
import lab.resilience.support.ComparedVariants;
import lab.resilience.support.Figures;
import lab.resilience.support.Lab;
import lab.variants.Variant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Request line, headers and body are bounded: oversized ones are refused with a 4xx or a closed
 * connection, never a 5xx, and the app stays healthy.
 */
@Order(2)
class RequestLimitsTest {

    private static final int KIB = 1024;
    /** Four times the apps' 16 KiB header limit. */
    private static final int HUGE_HEADER = 64 * KIB;

    private static final int HUGE_TARGET = 64 * KIB;
    private static final int HUGE_BODY = 1024 * KIB;

    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void a64KibHeaderIsRefusedWithout5xx(Variant variant) {
        int port = Lab.app(variant).port();

        int status = send(
                port,
                "GET /api/io?delayMs=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(HUGE_HEADER)
                        + "\r\nConnection: close\r\n\r\n");

        assertRefused(variant, "64 KiB header", status);
    }

    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void a64KibRequestLineIsRefusedWithout5xx(Variant variant) {
        int port = Lab.app(variant).port();

        int status = send(
                port,
                "GET /api/io?delayMs=0&x=" + "1".repeat(HUGE_TARGET)
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertRefused(variant, "64 KiB request line", status);
    }

    @ParameterizedTest(name = "{0}")
    @ComparedVariants
    void aLargeBodyOnAGetEndpointIsRefusedWithout5xx(Variant variant) {
        int port = Lab.app(variant).port();

        int status = send(
                port,
                "GET /api/io?delayMs=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + HUGE_BODY + "\r\nConnection: close\r\n\r\n" + "x".repeat(HUGE_BODY));

        assertRefused(variant, "1 MiB body on GET", status);
    }

    /** The status, or -1 when the server closed or reset the connection without an answer. */
    private static int send(int port, String raw) {
        try {
            RawHttp.Response response = RawHttp.send("127.0.0.1", port, raw);
            Bodies.assertNoInternals(response.body());
            return response.status();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    private static void assertRefused(Variant variant, String what, int status) {
        Figures.record("request limits", "%s: %s -> %s", variant.id(), what, status < 0 ? "connection closed" : status);
        assertThat(status)
                .as("%s: 4xx or connection closed", what)
                .satisfiesAnyOf(
                        s -> assertThat(s).isEqualTo(-1), s -> assertThat(s).isBetween(400, 499));
        assertThat(Client.get(Lab.app(variant).baseUrl() + "/actuator/health").status())
                .as("healthy after %s", what)
                .isEqualTo(200);
    }
}
