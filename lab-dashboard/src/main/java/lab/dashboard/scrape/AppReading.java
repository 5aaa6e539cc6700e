package lab.dashboard.scrape;

/**
 * The latest word on one app.
 *
 * @param status {@code up} (the last scrape worked), {@code down} (it failed: {@code error} says
 *     why) or {@code starting} (no scrape finished yet)
 * @param scrapeMs how long the last scrape took; a saturated Tomcat queues it behind the load
 * @param ageMs how long ago the figures were scraped
 * @param server null until two scrapes in a row have worked
 */
public record AppReading(String status, String error, AppInfo info, Long scrapeMs, Long ageMs, ServerFigures server) {}
