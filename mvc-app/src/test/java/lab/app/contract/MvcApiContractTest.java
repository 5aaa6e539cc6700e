package lab.app.contract;

import java.util.regex.Pattern;
import lab.contract.ApiContractTests;
import lab.contract.kit.DownstreamStub;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The shared contract against the MVC app on Tomcat's platform threads, calling the real stub. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MvcApiContractTest extends ApiContractTests {

    /** Tomcat's worker threads; on a random port Tomcat names them {@code http-nio-auto-1-exec-N}. */
    private static final Pattern TOMCAT_WORKER = Pattern.compile("http-nio-.+-exec-\\d+");

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

    @Override
    protected String expectedApp() {
        return "mvc";
    }

    @Override
    protected String expectedModel() {
        return "thread-per-request";
    }

    @Override
    protected Pattern servingThreadName(String target) {
        return TOMCAT_WORKER;
    }
}
