package lab.runner.cgroup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.k8s.sizing.JvmFlags;
import lab.k8s.units.Quantities;

/**
 * What a pod's app container gets, and so what the lab gives an app JVM on this machine: a CPU
 * limit (enforced as a CFS quota per {@link #PERIOD_MICROS} period, as the kubelet does), a memory
 * limit (the kernel OOM-kills past it, no swap) and the container's {@code JAVA_TOOL_OPTIONS}, from
 * which the JVM sizes its heap as a share of the limit.
 *
 * @param cpuMillis       {@code limits.cpu} in millicores ({@code 500m} = 500)
 * @param memoryBytes     {@code limits.memory} in bytes
 * @param javaToolOptions the container's {@code JAVA_TOOL_OPTIONS}, empty when it has none
 * @param source          where the limits come from, for messages ({@code k8s/overlays/limits-tight})
 */
public record PodLimits(long cpuMillis, long memoryBytes, String javaToolOptions, String source) {

    /** The CFS period the kubelet uses (cpu.cfs_period_us / cpu.max): 100 ms. */
    public static final long PERIOD_MICROS = 100_000;
    /** The smallest quota the kernel accepts is 1 ms per period: 10m at a 100 ms period. */
    public static final long MIN_CPU_MILLIS = 10;

    private static final long MILLIS_PER_CPU = 1000;
    /** HotSpot's MaxHeapSize before ergonomics: 96 MiB scaled by 1.3 for 64-bit words (ScaleForWordSize). */
    private static final long DEFAULT_MAX_HEAP_SIZE = 96 * Quantities.MIB * 13 / 10;
    /** HotSpot's default -XX:MinRAMPercentage: the heap share used when memory is small. */
    private static final double DEFAULT_MIN_RAM_PERCENTAGE = 50;
    /** The heap size is rounded up to this (observed: 30 % of 448 MiB gives 136 MiB, not 134.4). */
    private static final long HEAP_ALIGNMENT = 2 * Quantities.MIB;

    private static final double PERCENT = 100.0;

    public PodLimits {
        if (cpuMillis < MIN_CPU_MILLIS) {
            throw new IllegalArgumentException(
                    "a CPU limit must be at least " + MIN_CPU_MILLIS + "m, got " + cpuMillis + "m");
        }
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException("a memory limit must be positive, got " + memoryBytes);
        }
        javaToolOptions = javaToolOptions == null ? "" : javaToolOptions.strip();
        source = source == null ? "" : source;
    }

    /** The CFS quota per {@link #PERIOD_MICROS} period in microseconds, as the kubelet computes it. */
    public long quotaMicros() {
        return cpuMillis * PERIOD_MICROS / MILLIS_PER_CPU;
    }

    /** The CPU limit as Kubernetes writes it: {@code 500m}, {@code 2}. */
    public String cpuText() {
        return cpuMillis % MILLIS_PER_CPU == 0 ? Long.toString(cpuMillis / MILLIS_PER_CPU) : cpuMillis + "m";
    }

    /** The memory limit in the largest binary unit that divides it: {@code 448Mi}, {@code 2Gi}. */
    public String memoryText() {
        for (String unit : new String[] {"Gi", "Mi", "Ki"}) {
            long size = Quantities.bytes("1" + unit);
            if (memoryBytes % size == 0) {
                return memoryBytes / size + unit;
            }
        }
        return Long.toString(memoryBytes);
    }

    /** The CPU count a JVM derives from the quota (before the machine's own CPU count caps it): ceil(limit). */
    public int quotaCpus() {
        return (int) Math.max(1, Math.ceilDiv(cpuMillis, MILLIS_PER_CPU));
    }

    /** The JVM options as the JVM reads them (later flags win): heap share, GC. */
    public JvmFlags jvmFlags() {
        return JvmFlags.parse(javaToolOptions);
    }

    /**
     * The max heap the JVM sizes itself to under this memory limit, by HotSpot's rule (JDK 21-25): an
     * explicit {@code -Xmx} wins; else, when MinRAMPercentage (50) of the limit is at most the default
     * MaxHeapSize (96 MiB scaled for 64-bit words: 124.8 MiB), that half; else MaxRAMPercentage of the
     * limit but at least that default; aligned up to 2 MiB. So below ~250 MiB the JVM takes half the
     * limit whatever MaxRAMPercentage says, and up to ~416 MiB at 30 % it takes 126 MiB. Checked against
     * {@code -XX:MaxRAM=Nm -XX:+PrintFlagsFinal} from 128 MiB to 1 GiB and in a real cgroup
     * ({@code RealCgroupsTest}). MinRAMPercentage is taken at its default.
     */
    public long expectedMaxHeapBytes() {
        JvmFlags flags = jvmFlags();
        long heap;
        if (flags.heapBytes() > 0) {
            heap = flags.heapBytes();
        } else {
            double minPart = memoryBytes * DEFAULT_MIN_RAM_PERCENTAGE / PERCENT;
            heap = (long)
                    (minPart <= DEFAULT_MAX_HEAP_SIZE
                            ? minPart
                            : Math.max(memoryBytes * flags.heapPercent() / PERCENT, DEFAULT_MAX_HEAP_SIZE));
        }
        return Math.ceilDiv(heap, HEAP_ALIGNMENT) * HEAP_ALIGNMENT;
    }

    /** The environment of the app process: the pod's {@code JAVA_TOOL_OPTIONS}, exactly as the container gets it. */
    public Map<String, String> environment() {
        return javaToolOptions.isEmpty() ? Map.of() : Map.of("JAVA_TOOL_OPTIONS", javaToolOptions);
    }

    /**
     * Where no cgroup can be made ({@link Mechanism#NONE}): the JVM flags that make the JVM size itself
     * as if it had these limits ({@code -XX:ActiveProcessorCount}, and {@code -XX:MaxRAM} so that
     * MaxRAMPercentage applies to the limit). Nothing is enforced: no throttling, no OOM kill.
     */
    public List<String> emulationJvmArgs() {
        return List.of("-XX:ActiveProcessorCount=" + quotaCpus(), "-XX:MaxRAM=" + memoryBytes);
    }

    /**
     * What this machine cannot honour, one warning each: a CPU limit above the CPUs the lab may use
     * (the quota never binds, and the JVM sees the machine's count), a memory limit above its memory.
     */
    public List<String> unenforceable(int machineCpus, long machineMemoryBytes) {
        List<String> warnings = new ArrayList<>();
        if (cpuMillis > machineCpus * MILLIS_PER_CPU) {
            warnings.add("limits.cpu " + cpuText() + " is more than the " + machineCpus
                    + " CPU(s) here: the quota cannot bind, and the JVM sees " + machineCpus);
        }
        if (machineMemoryBytes > 0 && memoryBytes > machineMemoryBytes) {
            warnings.add(
                    "limits.memory " + memoryText() + " is more than the " + Quantities.mebibytes(machineMemoryBytes)
                            + " of memory here: the limit cannot bind, and the JVM ignores it");
        }
        return warnings;
    }

    /** {@code cpu 500m, memory 448Mi} */
    public String describe() {
        return "cpu " + cpuText() + ", memory " + memoryText();
    }

    /** The quota as a share of one CPU for systemd's {@code CPUQuota=}: {@code 50%}, {@code 12.5%}. */
    String cpuQuotaPercent() {
        return BigDecimal.valueOf(cpuMillis)
                        .movePointLeft(1)
                        .stripTrailingZeros()
                        .toPlainString() + "%";
    }
}
