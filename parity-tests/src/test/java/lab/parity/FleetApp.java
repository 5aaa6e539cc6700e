package lab.parity;

import java.util.ArrayList;
import java.util.List;
import lab.variants.Variant;

/**
 * The app processes the parity tests run side by side: the compared variants as they ship, plus
 * two made-up ones that let the core claim and the fairness test fail.
 */
enum FleetApp {
    MVC(Variant.MVC),
    MVC_VT(Variant.MVC_VT),
    WEBFLUX(Variant.WEBFLUX),
    /** The core claim: so few threads that 16 requests must queue in waves. */
    MVC_4_THREADS(
            Variant.MVC,
            "--server.tomcat.threads.max=" + CoreClaim.MVC_THREADS,
            "--server.tomcat.threads.min-spare=" + CoreClaim.MVC_THREADS),
    /** Fairness must be able to fail: the same app as {@link #MVC} with one setting changed. */
    MVC_OTHER_TIMEOUT(Variant.MVC, "--lab.downstream.response-timeout=" + FairnessTest.OTHER_RESPONSE_TIMEOUT);

    private final Variant variant;
    private final List<String> extraArgs;

    FleetApp(Variant variant, String... extraArgs) {
        this.variant = variant;
        this.extraArgs = List.of(extraArgs);
    }

    Variant variant() {
        return variant;
    }

    /** Process name in logs: the variant, or the variant and what was changed. */
    String processName() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The variant's profile, then what this fleet member changes. */
    List<String> args() {
        List<String> args = new ArrayList<>(variant.profileArgs());
        args.addAll(extraArgs);
        return args;
    }
}
