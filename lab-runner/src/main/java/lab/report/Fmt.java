package lab.report;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.Function;

/** Numbers as a reader expects them in English prose and tables: 1,905 rps, 418 ms, 1.80 s, 4.5×, 37.1 %. */
final class Fmt {

    static final double MILLIS_PER_SECOND = 1000.0;
    static final String NONE = "—";
    static final double BYTES_PER_MIB = 1024.0 * 1024.0;
    private static final double MILLICORES_PER_CORE = 1000.0;
    /** Shares (0..1) are shown as percentages. */
    static final double PERCENT = 100.0;

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ENGLISH);

    private Fmt() {}

    static String count(Number value) {
        return value == null ? NONE : pattern("#,##0").format(value.doubleValue());
    }

    static String rps(Double value) {
        return value == null ? NONE : count(value) + " rps";
    }

    /** Milliseconds below a second, seconds with two decimals from one second on. */
    static String duration(Double millis) {
        if (millis == null) {
            return NONE;
        }
        if (Math.abs(millis) < MILLIS_PER_SECOND) {
            return count(millis) + " ms";
        }
        return pattern("#,##0.00").format(millis / MILLIS_PER_SECOND) + " s";
    }

    static String seconds(double seconds) {
        return pattern("0.000").format(seconds) + " s";
    }

    /** Whole seconds or one decimal: "24 s", "4.2 s". */
    static String shortSeconds(Double seconds) {
        if (seconds == null) {
            return NONE;
        }
        return (seconds == Math.rint(seconds)
                        ? count(seconds)
                        : pattern("#,##0.0").format(seconds)) + " s";
    }

    static String cores(Double value) {
        return value == null ? NONE : pattern("0.00").format(value);
    }

    static String ratio(double value) {
        return pattern("0.0").format(value) + "×";
    }

    /** A share (0..1) as a percentage with one decimal: 0.371 → "37.1 %". */
    static String percent(Double share) {
        return share == null ? NONE : pattern("0.0").format(share * PERCENT) + " %";
    }

    /** A share as a whole percentage: 0.15 → "15 %". */
    static String wholePercent(double share) {
        return count(share * PERCENT) + " %";
    }

    static String decimal(Double value, int decimals) {
        if (value == null) {
            return NONE;
        }
        return pattern(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals))
                .format(value);
    }

    /** CPU ms per request: three decimals, the scale where the models differ. */
    static String cpuMs(Double value) {
        return decimal(value, 3);
    }

    static String mib(Double value) {
        return value == null ? NONE : count(value) + " MiB";
    }

    /** Kubernetes notation of a CPU limit: 500 → "500m", 2000 → "2". */
    static String millicores(long millicores) {
        return millicores % (long) MILLICORES_PER_CORE == 0
                ? String.valueOf(millicores / (long) MILLICORES_PER_CORE)
                : millicores + "m";
    }

    /** Kubernetes notation of a memory limit: 448 MiB → "448Mi", else MiB with decimals. */
    static String memoryLimit(long bytes) {
        double mib = bytes / BYTES_PER_MIB;
        return mib == Math.rint(mib) ? (long) mib + "Mi" : decimal(mib, 1) + " MiB";
    }

    /**
     * "1,880 (1,850–1,905)" with the min–max of the repeats, or the median alone with one repeat
     * (or when the range does not show at this precision).
     */
    static String withRange(Stat stat, Function<Double, String> format) {
        if (stat == null) {
            return NONE;
        }
        String median = format.apply(stat.median());
        String min = format.apply(stat.min());
        String max = format.apply(stat.max());
        return stat.hasRange() && !min.equals(max) ? median + " (" + min + "–" + max + ")" : median;
    }

    /** A latency with its range in the median's unit: "106 ms (105–107)", "1.69 s (1.67–1.71)". */
    static String latencyWithRange(Stat stat) {
        if (stat == null) {
            return NONE;
        }
        boolean seconds = Math.abs(stat.median()) >= MILLIS_PER_SECOND;
        Function<Double, String> bare =
                seconds ? ms -> pattern("#,##0.00").format(ms / MILLIS_PER_SECOND) : ms -> count(ms);
        String range = withRange(stat, bare);
        String unit = seconds ? " s" : " ms";
        int bracket = range.indexOf(" (");
        return bracket < 0 ? range + unit : range.substring(0, bracket) + unit + range.substring(bracket);
    }

    /** "1,850–1,905" or the single value. */
    static String range(Stat stat, Function<Double, String> format) {
        if (stat == null) {
            return NONE;
        }
        return stat.hasRange()
                ? format.apply(stat.min()) + "–" + format.apply(stat.max())
                : format.apply(stat.median());
    }

    static String yesNo(Boolean value) {
        return value == null ? NONE : value ? "yes" : "no";
    }

    static String text(Object value) {
        return value == null ? NONE : String.valueOf(value);
    }

    /** Rounds half up, as people (and String.format) do; DecimalFormat's default is half even. */
    private static DecimalFormat pattern(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, SYMBOLS);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
