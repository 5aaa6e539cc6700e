package lab.app.core.info;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;
import lab.app.core.result.AppIdentity;
import lab.app.core.settings.LabProperties;

/**
 * The {@code lab} section of /actuator/info: who answers, the shared settings, what each app
 * contributes about its server, client and fan-out, and what the JVM derived from the machine or
 * container it runs in. The runtime part is measured here so both apps report it the same way.
 */
public final class LabInfo {

    /** Where JDK 24+ publishes the virtual-thread scheduler (absent on 21: then the system property or its default). */
    private static final String VIRTUAL_THREAD_SCHEDULER = "jdk.management:type=VirtualThreadScheduler";

    private static final String PARALLELISM_PROPERTY = "jdk.virtualThreadScheduler.parallelism";

    private LabInfo() {}

    /** The sections, in the order every consumer sees them. */
    public record Sections(
            Map<String, Object> server,
            Map<String, Object> client,
            Map<String, Object> fanout,
            Map<String, Object> modelSizing) {}

    public static Map<String, Object> describe(AppIdentity identity, LabProperties properties, Sections sections) {
        Map<String, Object> lab = new LinkedHashMap<>();
        lab.put("app", identity.app());
        lab.put("model", identity.model());
        lab.put("settings", properties.describe());
        lab.put("server", sections.server());
        lab.put("client", sections.client());
        lab.put("fanout", sections.fanout());
        lab.put("runtime", runtime(sections.modelSizing()));
        return lab;
    }

    /**
     * What the JVM derived: CPUs (a CPU quota lowers it), the heap ceiling, the collectors it chose,
     * then the model's own sizing (Tomcat threads, event-loop threads, virtual-thread carriers).
     */
    static Map<String, Object> runtime(Map<String, Object> modelSizing) {
        Runtime runtime = Runtime.getRuntime();
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("javaVersion", Runtime.version().toString());
        section.put("availableProcessors", runtime.availableProcessors());
        section.put("heapMaxBytes", runtime.maxMemory());
        section.put("gc", garbageCollectors());
        section.putAll(modelSizing);
        return section;
    }

    static List<String> garbageCollectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .toList();
    }

    /**
     * The carrier threads of the virtual-thread scheduler: the JVM's own figure where it publishes
     * one (JDK 24+), else {@code -Djdk.virtualThreadScheduler.parallelism}, else its default, the
     * available processors.
     */
    public static int virtualThreadParallelism() {
        try {
            ObjectName scheduler = new ObjectName(VIRTUAL_THREAD_SCHEDULER);
            var server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(scheduler)
                    && server.getAttribute(scheduler, "Parallelism") instanceof Integer parallelism) {
                return parallelism;
            }
        } catch (JMException | RuntimeException e) {
            // not published by this JVM: fall back to what configures it
        }
        return Integer.getInteger(PARALLELISM_PROPERTY, Runtime.getRuntime().availableProcessors());
    }
}
