package lab.diff;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import lab.runrecord.StepRun;

/** Numbers as the diff prints them: 1,872 rps, 0.190 ms, −20.0 %, 1,850–1,890. */
final class Numbers {

    static final String NONE = "—";
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ENGLISH);
    /** A typographic minus: a hyphen before a figure reads as a dash in tables. */
    private static final char MINUS = '\u2212';

    private Numbers() {}

    static String value(double value, int decimals) {
        return format(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), value);
    }

    /** A number without trailing zeros: 2, 2.5. */
    static String plain(double value) {
        return format("0.##", value);
    }

    /** A share as a percentage with one decimal at most: 5 %, 4.1 %. */
    static String percent(double share) {
        return format("0.#", share * 100) + " %";
    }

    /** A signed relative change: +3.1 %, −20.0 %. */
    static String signedPercent(Double share) {
        if (share == null) {
            return NONE;
        }
        String digits = format("0.0", Math.abs(share) * 100);
        boolean zero = digits.equals("0.0");
        return (zero ? "±" : share > 0 ? "+" : String.valueOf(MINUS)) + digits + " %";
    }

    /** The median of a figure, with its unit. */
    static String median(StepRun.Figure figure, Metric metric) {
        return figure == null ? NONE : value(figure.median(), metric.decimals) + " " + metric.unit;
    }

    /** The min–max range of a figure across repeats, or "1 repeat" when there is none. */
    static String range(StepRun.Figure figure, Metric metric) {
        if (figure == null) {
            return "";
        }
        if (figure.n() < NoiseRule.MIN_REPEATS) {
            return figure.perSecondCv() == null
                    ? "1 repeat"
                    : "1 repeat, per-second CV " + percent(figure.perSecondCv());
        }
        return value(figure.min(), metric.decimals) + "–" + value(figure.max(), metric.decimals) + " (" + figure.n()
                + " repeats)";
    }

    private static String format(String pattern, double value) {
        DecimalFormat format = new DecimalFormat(pattern, SYMBOLS);
        // half up, as people and String.format round; DecimalFormat's default is half even
        format.setRoundingMode(RoundingMode.HALF_UP);
        String text = format.format(value);
        return text.startsWith("-") ? MINUS + text.substring(1) : text;
    }
}
