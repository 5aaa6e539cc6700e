package lab.k8s.sizing;

import java.util.Arrays;
import java.util.List;
import lab.k8s.units.Quantities;

/**
 * The memory-relevant flags in a JVM option string such as {@code JAVA_TOOL_OPTIONS}: later flags win,
 * as they do in the JVM.
 *
 * @param heapPercent {@code -XX:MaxRAMPercentage}, or the JVM default
 * @param heapBytes   {@code -Xmx} / {@code -XX:MaxHeapSize}, or 0 when not set
 * @param stackBytes  {@code -Xss} / {@code -XX:ThreadStackSize}, or the JVM default
 */
public record JvmFlags(double heapPercent, long heapBytes, long stackBytes) {

    private static final String MAX_RAM_PERCENTAGE = "-XX:MaxRAMPercentage=";
    private static final String MAX_HEAP_SIZE = "-XX:MaxHeapSize=";
    private static final String THREAD_STACK_SIZE = "-XX:ThreadStackSize=";

    public static JvmFlags parse(String options) {
        double percent = SizingInput.DEFAULT_HEAP_PERCENT;
        long heap = 0;
        long stack = SizingInput.DEFAULT_STACK;
        List<String> flags =
                options == null ? List.of() : Arrays.asList(options.trim().split("\\s+"));
        for (String flag : flags) {
            if (flag.startsWith(MAX_RAM_PERCENTAGE)) {
                percent = Double.parseDouble(flag.substring(MAX_RAM_PERCENTAGE.length()));
            } else if (flag.startsWith("-Xmx")) {
                heap = Quantities.jvmBytes(flag.substring("-Xmx".length()));
            } else if (flag.startsWith(MAX_HEAP_SIZE)) {
                heap = Quantities.jvmBytes(flag.substring(MAX_HEAP_SIZE.length()));
            } else if (flag.startsWith("-Xss")) {
                stack = Quantities.jvmBytes(flag.substring("-Xss".length()));
            } else if (flag.startsWith(THREAD_STACK_SIZE)) {
                // ThreadStackSize is in KiB, unlike -Xss
                stack = Quantities.jvmBytes(flag.substring(THREAD_STACK_SIZE.length())) * Quantities.KIB;
            }
        }
        return new JvmFlags(percent, heap, stack);
    }
}
