package lab.k8s.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import java.util.List;
import lab.k8s.sizing.JvmFlags;
import lab.k8s.sizing.SizingCalculator;
import lab.k8s.sizing.SizingInput;
import lab.k8s.sizing.SizingReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Heap + thread stacks + the JVM's other native memory must fit each container's limit, with room to spare. */
class MemoryFitTest {

    static final List<String> WITH_JVMS =
            List.of("base", "overlays/limits-tight", "overlays/limits-generous", "gatling");

    /** Below this the pod is one metaspace surprise away from OOMKilled. */
    static final double MIN_HEADROOM = 0.05;
    /** Event-loop, carrier and selector threads of the non-MVC JVMs: a handful per core, generously. */
    static final int NON_TOMCAT_REQUEST_THREADS = 16;

    static final String TOMCAT_DEFAULT_MAX_THREADS = "200";
    /** Boot's task executor grows past its core size only when its (unbounded by default) queue is full. */
    static final String BOOT_DEFAULT_TASK_POOL_CORE_SIZE = "8";

    @ParameterizedTest
    @FieldSource("WITH_JVMS")
    void everyJvmFitsItsMemoryLimitAtTypicalStackDepthWithHeadroom(String dir) {
        for (Typed.PodOf pod : Typed.pods(dir)) {
            V1Container c = pod.spec().getContainers().getFirst();
            SizingReport report = SizingCalculator.calculate(inputFor(pod.owner(), c));

            assertThat(report.fitsTypical(MIN_HEADROOM))
                    .as("%s does not fit its memory limit:%n%s", pod.owner(), report.render())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @FieldSource("WITH_JVMS")
    void heapIsSetAsAShareOfTheContainerLimitNotAsAFixedSize(String dir) {
        for (Typed.PodOf pod : Typed.pods(dir)) {
            String options = ManifestInvariantsTest.env(
                            pod.spec().getContainers().getFirst(), "JAVA_TOOL_OPTIONS")
                    .orElse("");
            assertThat(options)
                    .as(pod.owner())
                    .contains("-XX:MaxRAMPercentage=")
                    .doesNotContain("-Xmx");
        }
    }

    static SizingInput inputFor(String owner, V1Container c) {
        JvmFlags flags = JvmFlags.parse(
                ManifestInvariantsTest.env(c, "JAVA_TOOL_OPTIONS").orElse(""));
        long limit = c.getResources().getLimits().get("memory").getNumber().longValueExact();
        long cpuMillis = c.getResources()
                .getLimits()
                .get("cpu")
                .getNumber()
                .movePointRight(3)
                .longValue();
        SizingInput defaults =
                SizingInput.of(limit, cpuMillis, flags.heapPercent(), flags.stackBytes(), requestThreads(owner, c));
        return new SizingInput(
                limit,
                flags.heapPercent(),
                flags.heapBytes(),
                flags.stackBytes(),
                defaults.requestThreads(),
                defaults.otherThreads(),
                defaults.touchedStackBytes(),
                defaults.metaspaceBytes(),
                defaults.codeCacheBytes(),
                defaults.directBytes(),
                defaults.otherNativeBytes(),
                SizingInput.gcOverheadPercent(flags.gc(), cpuMillis, limit));
    }

    /**
     * Thread-per-request MVC: Tomcat's max threads plus the fan-out executor's platform threads
     * (one per parallel downstream call), as the app's own configuration sets them.
     */
    private static int requestThreads(String owner, V1Container c) {
        boolean platformMvc = c.getImage().contains("/mvc-app:")
                && ManifestInvariantsTest.env(c, "SPRING_PROFILES_ACTIVE")
                        .filter(p -> p.contains("virtual"))
                        .isEmpty();
        if (!platformMvc) {
            return NON_TOMCAT_REQUEST_THREADS;
        }
        AppConfig config = ManifestInvariantsTest.configOf(c);
        int tomcat = Integer.parseInt(config.get("server.tomcat.threads.max", TOMCAT_DEFAULT_MAX_THREADS));
        int fanout = Integer.parseInt(config.get(
                "spring.task.execution.pool.max-size",
                config.get("spring.task.execution.pool.core-size", BOOT_DEFAULT_TASK_POOL_CORE_SIZE)));
        return tomcat + fanout;
    }

    static V1Container app(V1Deployment d) {
        return ManifestInvariantsTest.appContainer(d);
    }
}
