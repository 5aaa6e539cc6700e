package lab.app.contract;

import java.util.regex.Pattern;
import lab.contract.ApiContractTests;
import lab.contract.kit.DownstreamStub;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The shared contract against the MVC app with profile {@code virtual}: one virtual thread per request. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("virtual")
class MvcVirtualApiContractTest extends ApiContractTests {

    /** Boot's virtual-thread executor for Tomcat names its threads {@code tomcat-handler-N}. */
    private static final Pattern TOMCAT_VIRTUAL_HANDLER = Pattern.compile("tomcat-handler-\\d+");

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
        return "virtual-threads";
    }

    @Override
    protected Pattern servingThreadName(String target) {
        return TOMCAT_VIRTUAL_HANDLER;
    }
}
