package lab.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as both report.html and summary.md print it: formatted once, in Java.
 *
 * @param id the element id in the page (unique), for links and tests
 * @param title shown above the table, may be empty
 * @param kind the table's CSS class: {@code steps}, {@code settings}, {@code invalid}, ...
 */
record Table(String id, String title, String kind, List<String> headers, List<Row> rows) {

    /**
     * @param cssClass {@code invalid} (an untrustworthy step), {@code changed} (a setting that differs) or empty
     * @param hint shown on hover (the reason of an invalid step)
     */
    record Row(List<String> cells, String cssClass, String hint) {

        static Row of(List<String> cells) {
            return new Row(cells, "", "");
        }
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Key–value tables have blank headers: no header row then. */
    boolean hasHeader() {
        return headers.stream().anyMatch(header -> !header.isBlank());
    }

    /** Collects rows, then builds the table. */
    static final class Builder {
        private final String id;
        private final String title;
        private final String kind;
        private final List<String> headers;
        private final List<Row> rows = new ArrayList<>();

        Builder(String id, String title, String kind, List<String> headers) {
            this.id = id;
            this.title = title;
            this.kind = kind;
            this.headers = List.copyOf(headers);
        }

        Builder row(List<String> cells) {
            return row(cells, "", "");
        }

        Builder row(List<String> cells, String cssClass, String hint) {
            if (cells.size() != headers.size()) {
                throw new IllegalArgumentException(
                        "table " + id + ": " + cells.size() + " cells for " + headers.size() + " headers");
            }
            rows.add(new Row(List.copyOf(cells), cssClass == null ? "" : cssClass, hint == null ? "" : hint));
            return this;
        }

        int width() {
            return headers.size();
        }

        Table build() {
            return new Table(id, title, kind, headers, List.copyOf(rows));
        }
    }
}
