package lab.parity;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import lab.contract.kit.Jars;

/** The app processes the parity tests run side by side, each from its real jar. */
enum Variant {
    MVC("mvc", Jars::mvcApp),
    MVC_VIRTUAL("mvc-virtual", Jars::mvcApp, "--spring.profiles.active=virtual"),
    WEBFLUX("webflux", Jars::webfluxApp),
    /** The core claim: so few threads that 16 requests must queue in waves. */
    MVC_4_THREADS(
            "mvc-4-threads",
            Jars::mvcApp,
            "--server.tomcat.threads.max=" + CoreClaim.MVC_THREADS,
            "--server.tomcat.threads.min-spare=" + CoreClaim.MVC_THREADS),
    /** Fairness must be able to fail: the same app as {@link #MVC} with one setting changed. */
    MVC_OTHER_TIMEOUT(
            "mvc-other-timeout",
            Jars::mvcApp,
            "--lab.downstream.response-timeout=" + FairnessTest.OTHER_RESPONSE_TIMEOUT);

    private final String processName;
    private final Supplier<Path> jar;
    private final List<String> args;

    Variant(String processName, Supplier<Path> jar, String... args) {
        this.processName = processName;
        this.jar = jar;
        this.args = List.of(args);
    }

    String processName() {
        return processName;
    }

    Path jar() {
        return jar.get();
    }

    List<String> args() {
        return args;
    }
}
