package lab.resilience.support;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import lab.contract.kit.Jars;

/** The three app variants under test: same contract, different concurrency models. */
public enum Variant {
    MVC("mvc", "thread-per-request", Jars::mvcApp, List.of()),
    MVC_VIRTUAL("mvc", "virtual-threads", Jars::mvcApp, List.of("--spring.profiles.active=virtual")),
    WEBFLUX("webflux", "event-loop", Jars::webfluxApp, List.of());

    /** Small heap and C1 only: these JVMs must start fast and several run at once on two cores. */
    public static final List<String> JVM_ARGS = List.of("-Xmx128m", "-XX:TieredStopAtLevel=1");

    private final String app;
    private final String model;
    private final Supplier<Path> jar;
    private final List<String> profileArgs;

    Variant(String app, String model, Supplier<Path> jar, List<String> profileArgs) {
        this.app = app;
        this.model = model;
        this.jar = jar;
        this.profileArgs = profileArgs;
    }

    public String app() {
        return app;
    }

    public String model() {
        return model;
    }

    public Path jar() {
        return jar.get();
    }

    public List<String> profileArgs() {
        return profileArgs;
    }

    public boolean isMvc() {
        return app.equals("mvc");
    }

    /** Short name used in process names, logs and the figures file. */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
