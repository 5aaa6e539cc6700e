package lab.report;

import java.util.function.Function;

/** Differences stated only when they are larger than the spread: else "within noise". */
final class Compare {

    private Compare() {}

    /**
     * "2.6× mvc" when the two noise bands do not overlap, else "within noise of mvc (a–b vs c–d)".
     *
     * @param unit formats the figures of the noise clause
     */
    static String times(Stat a, Stat b, String nameB, Function<Double, String> unit) {
        if (a.overlaps(b)) {
            return "within noise of " + nameB + " (" + band(a, unit) + " vs " + band(b, unit) + ")";
        }
        String ratio = Fmt.ratio(a.median() / b.median()) + " " + nameB;
        return a.spreadUnknown() && b.spreadUnknown() ? ratio + " (one repeat each: spread unknown)" : ratio;
    }

    /** The band the comparison used, as min–max. */
    static String band(Stat stat, Function<Double, String> unit) {
        return stat.lo() == stat.hi() ? unit.apply(stat.median()) : unit.apply(stat.lo()) + "–" + unit.apply(stat.hi());
    }
}
