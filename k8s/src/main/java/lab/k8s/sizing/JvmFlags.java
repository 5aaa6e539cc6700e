package lab.k8s.sizing;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.k8s.units.Quantities;

/**
 * The memory-relevant flags in a JVM option string such as {@code JAVA_TOOL_OPTIONS}: later flags win,
 * as they do in the JVM.
 *
 * @param heapPercent {@code -XX:MaxRAMPercentage}, or the JVM default
 * @param heapBytes   {@code -Xmx} / {@code -XX:MaxHeapSize}, or 0 when not set
 * @param stackBytes  {@code -Xss} / {@code -XX:ThreadStackSize}, or the JVM default
 * @param gc          the collector named by {@code -XX:+Use<Name>GC} ({@code G1}, {@code Serial}, {@code Parallel},
 *                    {@code Z}, ...), or empty when ergonomics choose it (Serial below 2 CPUs or 1792 MiB)
 */
public record JvmFlags(double heapPercent, long heapBytes, long stackBytes, String gc) {

    private static final Pattern USE_GC = Pattern.compile("-XX:\\+Use(\\w+)GC");

    private static final String MAX_RAM_PERCENTAGE = "-XX:MaxRAMPercentage=";
    private static final String MAX_HEAP_SIZE = "-XX:MaxHeapSize=";
    private static final String THREAD_STACK_SIZE = "-XX:ThreadStackSize=";

    public static JvmFlags parse(String options) {
        double percent = SizingInput.DEFAULT_HEAP_PERCENT;
        long heap = 0;
        long stack = SizingInput.DEFAULT_STACK;
        String gc = "";
        List<String> flags =
                options == null ? List.of() : Arrays.asList(options.trim().split("\\s+"));
        for (String flag : flags) {
            Matcher useGc = USE_GC.matcher(flag);
            if (useGc.matches()) {
                gc = useGc.group(1);
            } else if (flag.startsWith(MAX_RAM_PERCENTAGE)) {
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
        return new JvmFlags(percent, heap, stack, gc);
    }
}
