package lab.app.core.info;

import java.util.LinkedHashMap;
import java.util.Map;
import lab.app.core.result.AppIdentity;
import lab.app.core.settings.LabProperties;

/**
 * The {@code lab} section of /actuator/info: who answers, the shared settings, and what each app
 * contributes about its server, client and fan-out. The JVM part is measured here so both apps
 * report it the same way.
 */
public final class LabInfo {

    private LabInfo() {}

    public static Map<String, Object> describe(
            AppIdentity identity,
            LabProperties properties,
            Map<String, Object> server,
            Map<String, Object> client,
            Map<String, Object> fanout) {
        Map<String, Object> lab = new LinkedHashMap<>();
        lab.put("app", identity.app());
        lab.put("model", identity.model());
        lab.put("settings", properties.describe());
        lab.put("server", server);
        lab.put("client", client);
        lab.put("fanout", fanout);
        lab.put("jvm", jvm());
        return lab;
    }

    static Map<String, Object> jvm() {
        Runtime runtime = Runtime.getRuntime();
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("version", Runtime.version().toString());
        jvm.put("heapMaxBytes", runtime.maxMemory());
        jvm.put("availableProcessors", runtime.availableProcessors());
        return jvm;
    }
}
