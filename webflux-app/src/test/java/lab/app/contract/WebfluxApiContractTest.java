package lab.app.contract;

import java.util.regex.Pattern;
import lab.contract.ApiContractTests;
import lab.contract.kit.DownstreamStub;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The shared contract against the WebFlux app on Reactor Netty's event loop, calling the real stub. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebfluxApiContractTest extends ApiContractTests {

    /** Reactor Netty event-loop threads ({@code <loop-resources>-http-epoll-N}; server and client loops may be separate). */
    private static final Pattern EVENT_LOOP = Pattern.compile("[a-z]+-http-(nio|epoll|kqueue)-\\d+");

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        registry.add("lab.downstream.base-url", () -> DownstreamStub.shared().baseUrl());
    }

    @Override
    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Reactor's bounded elastic scheduler names its threads so. */
    static final Pattern BOUNDED_ELASTIC = Pattern.compile("boundedElastic-\\d+");

    @Override
    protected String expectedApp() {
        return "webflux";
    }

    @Override
    protected String expectedModel() {
        return "event-loop";
    }

    @Override
    protected Pattern servingThreadName(String target) {
        // the offloaded call answers from the bounded elastic thread that made it
        return target.startsWith("/api/offloaded-io") ? BOUNDED_ELASTIC : EVENT_LOOP;
    }
}
