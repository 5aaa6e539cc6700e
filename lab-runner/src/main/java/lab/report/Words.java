package lab.report;

import java.util.Locale;
import lab.runrecord.StepRun;
import lab.runrecord.StepRun.Bottleneck;

/** The words the report uses for the runner's named causes. */
final class Words {

    private Words() {}

    static String cause(Bottleneck.Cause cause) {
        if (cause == null) {
            return "not named";
        }
        return switch (cause) {
            case LOAD -> "the load itself";
            case THREAD_POOL -> "its thread pool";
            case CPU -> "CPU";
            case GC -> "garbage collection";
            case HEAP -> "the heap";
            case CLIENT_POOL -> "the client connection pool";
            case FANOUT_EXECUTOR -> "its fan-out executor";
            case EVENT_LOOP -> "the event loop";
            case MEMORY_LIMIT -> "the memory limit";
            case LOAD_SIDE -> "the load side (Gatling + stub), not the app";
            case STUB -> "the stub";
            case UNEXPLAINED -> "nothing the lab measured (unexplained)";
        };
    }

    /** Short form for tables: "thread pool", "CPU". */
    static String causeShort(Bottleneck.Cause cause) {
        return cause == null ? Fmt.NONE : cause.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "its thread pool (200 of 200 threads busy)". */
    static String bottleneck(StepRun step) {
        Bottleneck bottleneck = step.bottleneck();
        if (bottleneck == null) {
            return "not named";
        }
        return cause(bottleneck.cause()) + figure(bottleneck);
    }

    static String figure(Bottleneck bottleneck) {
        return figure(bottleneck, "");
    }

    /** " (200 of 200 threads busy at 1,600 users)": the figure with where it was measured. */
    static String figure(Bottleneck bottleneck, String where) {
        boolean none = bottleneck.figure() == null || bottleneck.figure().isBlank();
        if (none) {
            return where.isBlank() ? "" : " (" + where.strip() + ")";
        }
        return " (" + bottleneck.figure() + where + ")";
    }
}
