package lab.k8s.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities ({@code 384Mi}, {@code 500m}, {@code 1.5}) and JVM sizes
 * ({@code -Xss1m}) as plain numbers. Kubernetes and the JVM disagree on suffixes: {@code 1m} is a
 * thousandth of a CPU to Kubernetes and a mebibyte to the JVM, so each has its own parser.
 */
public final class Quantities {

    public static final long KIB = 1024L;
    public static final long MIB = KIB * KIB;
    public static final long GIB = MIB * KIB;

    private static final Pattern K8S = Pattern.compile(
            "^([+]?[0-9]+(?:\\.[0-9]*)?|[+]?\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$");
    private static final Pattern JVM = Pattern.compile("^([0-9]+)([kKmMgGtT]?)$");
    private static final int MILLIS_PER_UNIT = 1000;

    private Quantities() {}

    /** A memory quantity ({@code 384Mi}, {@code 1G}, {@code 512000000}) in bytes, rounded up. */
    public static long bytes(String quantity) {
        return parse(quantity).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** A CPU quantity ({@code 500m}, {@code 2}, {@code 0.5}) in millicores, rounded up as Kubernetes does. */
    public static long millicores(String quantity) {
        return parse(quantity)
                .multiply(BigDecimal.valueOf(MILLIS_PER_UNIT))
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
    }

    /** A JVM size as in {@code -Xss1m} or {@code -Xmx512M}: binary suffixes k, m, g, t; none means bytes. */
    public static long jvmBytes(String size) {
        Matcher m = JVM.matcher(size.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a JVM size (like 512k, 1m, 2g): '" + size + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n * KIB;
            case "m" -> n * MIB;
            case "g" -> n * GIB;
            case "t" -> n * GIB * KIB;
            default -> n;
        };
    }

    /** Bytes as mebibytes with one decimal, the unit every table in the lab uses. */
    public static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
    }

    /** Sizes below a mebibyte in KiB (thread stacks), larger ones in MiB. */
    public static String humanBytes(long bytes) {
        return bytes < MIB ? String.format(Locale.ROOT, "%d KiB", Math.ceilDiv(bytes, KIB)) : mebibytes(bytes);
    }

    private static BigDecimal parse(String quantity) {
        String q = quantity == null ? "" : quantity.trim();
        Matcher m = K8S.matcher(q);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Kubernetes quantity (like 384Mi, 500m, 2): '" + quantity + "'");
        }
        BigDecimal number = new BigDecimal(m.group(1).replace("+", ""));
        String suffix = m.group(2) == null ? "" : m.group(2);
        return number.multiply(multiplier(suffix));
    }

    private static BigDecimal multiplier(String suffix) {
        return switch (suffix) {
            case "" -> BigDecimal.ONE;
            case "m" -> new BigDecimal("0.001");
            case "k" -> BigDecimal.TEN.pow(3);
            case "M" -> BigDecimal.TEN.pow(6);
            case "G" -> BigDecimal.TEN.pow(9);
            case "T" -> BigDecimal.TEN.pow(12);
            case "P" -> BigDecimal.TEN.pow(15);
            case "E" -> BigDecimal.TEN.pow(18);
            case "Ki" -> BigDecimal.valueOf(KIB);
            case "Mi" -> BigDecimal.valueOf(MIB);
            case "Gi" -> BigDecimal.valueOf(GIB);
            case "Ti" -> BigDecimal.valueOf(GIB).multiply(BigDecimal.valueOf(KIB));
            case "Pi" -> BigDecimal.valueOf(GIB).multiply(BigDecimal.valueOf(MIB));
            case "Ei" -> BigDecimal.valueOf(GIB).multiply(BigDecimal.valueOf(GIB));
            default ->
                BigDecimal.ONE.scaleByPowerOfTen(
                        Integer.parseInt(suffix.substring(1).replace("+", "")));
        };
    }
}
