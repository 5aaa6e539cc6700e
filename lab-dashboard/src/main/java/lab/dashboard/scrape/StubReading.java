package lab.dashboard.scrape;

/**
 * The latest word on the stub's meters.
 *
 * @param status {@code up}, {@code down} or {@code starting}, as for an app
 * @param figures null until two scrapes in a row have worked
 */
public record StubReading(String status, String error, StubFigures figures) {}
