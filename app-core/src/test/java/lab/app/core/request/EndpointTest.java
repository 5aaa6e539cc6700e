package lab.app.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void findsEndpointsByExactPathOnly() {
        assertThat(Endpoint.forPath("/api/fanout")).contains(Endpoint.FANOUT);
        assertThat(Endpoint.forPath("/api/fanout/")).isEmpty();
        assertThat(Endpoint.forPath("/api/IO")).isEmpty();
    }

    @Test
    void meterTagsStayWithinTheKnownPaths() {
        assertThat(Endpoint.tagFor("/api/io?delayMs=5")).isEqualTo("/api/io");
        assertThat(Endpoint.tagFor("/random/123")).isEqualTo(Endpoint.UNKNOWN_PATH_TAG);
    }

    @Test
    void onlyGetAndHeadAreAllowed() {
        assertThat(Endpoint.isAllowedMethod("GET")).isTrue();
        assertThat(Endpoint.isAllowedMethod("HEAD")).isTrue();
        assertThat(Endpoint.isAllowedMethod("POST")).isFalse();
        assertThat(Endpoint.isAllowedMethod("OPTIONS")).isFalse();
    }
}
