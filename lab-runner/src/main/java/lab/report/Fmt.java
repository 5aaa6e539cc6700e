package lab.report;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers as a reader expects them in English prose and tables: 1,905 rps, 418 ms, 1.80 s, 4.5×. */
final class Fmt {

    static final double MILLIS_PER_SECOND = 1000.0;
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ENGLISH);

    private Fmt() {}

    static String count(Number value) {
        return value == null ? "—" : pattern("#,##0").format(value.doubleValue());
    }

    static String rps(Double value) {
        return value == null ? "—" : count(value) + " rps";
    }

    /** Milliseconds below a second, seconds with two decimals from one second on. */
    static String duration(Double millis) {
        if (millis == null) {
            return "—";
        }
        if (millis < MILLIS_PER_SECOND) {
            return count(millis) + " ms";
        }
        return pattern("#,##0.00").format(millis / MILLIS_PER_SECOND) + " s";
    }

    static String seconds(double seconds) {
        return pattern("0.000").format(seconds) + " s";
    }

    static String cores(Double value) {
        return value == null ? "—" : pattern("0.00").format(value);
    }

    static String ratio(double value) {
        return pattern("0.0").format(value) + "×";
    }

    static String decimal(Double value, int decimals) {
        if (value == null) {
            return "—";
        }
        return pattern(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals))
                .format(value);
    }

    /** Rounds half up, as people (and String.format) do; DecimalFormat's default is half even. */
    private static DecimalFormat pattern(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, SYMBOLS);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
