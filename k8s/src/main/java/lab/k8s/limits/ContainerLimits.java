package lab.k8s.limits;

/**
 * One app variant's container limits as a rendered overlay sets them.
 *
 * @param variant          {@code mvc}, {@code mvc-vt} or {@code webflux} (the Deployment's {@code app.kubernetes.io/name})
 * @param cpu              the CPU limit as written ({@code 500m})
 * @param cpuMillis        the same in millicores
 * @param memory           the memory limit as written ({@code 384Mi})
 * @param memoryBytes      the same in bytes
 * @param javaToolOptions  the container's {@code JAVA_TOOL_OPTIONS} (heap percentage and friends), empty if unset
 */
public record ContainerLimits(
        String variant, String cpu, long cpuMillis, String memory, long memoryBytes, String javaToolOptions) {

    private static final double MILLIS_PER_CPU = 1000.0;

    /** CPUs as the JVM sees them: the limit rounded up, at least one. */
    public int activeProcessorCount() {
        return (int) Math.max(1, Math.ceil(cpuMillis / MILLIS_PER_CPU));
    }
}
