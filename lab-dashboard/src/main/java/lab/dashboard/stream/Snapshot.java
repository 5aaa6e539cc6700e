package lab.dashboard.stream;

import java.util.List;
import lab.dashboard.load.ClientFigures;
import lab.dashboard.load.LoadGeneratorFigures;
import lab.dashboard.load.LoadSetting;
import lab.dashboard.scrape.AppInfo;
import lab.dashboard.scrape.ServerFigures;
import lab.dashboard.scrape.StubFigures;
import lab.dashboard.stub.FaultMix;

/**
 * One event of {@code /events}: every app's figures for one interval (docs/demo.md, "The
 * stream"). {@link #SCHEMA} changes when a member is renamed or removed, not when one is added.
 *
 * @param seq 1 for the first event after start, then +1 per event
 * @param timeMs when the event was made, epoch milliseconds
 * @param intervalMs the interval the rates cover
 */
public record Snapshot(
        int schema,
        long seq,
        long timeMs,
        long intervalMs,
        List<App> apps,
        Stub stub,
        LoadGeneratorFigures loadGenerator) {

    public static final int SCHEMA = 1;

    /**
     * One app.
     *
     * @param status {@code up}, {@code down} or {@code starting}
     * @param error why it is down, else null
     * @param scrapeMs how long its last scrape took
     * @param ageMs how old its server figures are
     * @param load the load the dashboard puts on it
     * @param client the load generator's view (null: never)
     * @param server the app's own meters (null while down or before two scrapes)
     */
    public record App(
            String name,
            String url,
            String status,
            String error,
            AppInfo info,
            Long scrapeMs,
            Long ageMs,
            LoadSetting load,
            ClientFigures client,
            ServerFigures server) {}

    /**
     * The downstream stub, or null when the dashboard has none.
     *
     * @param faults the stub's fault mix now (null: unknown)
     */
    public record Stub(String url, String status, String error, FaultMix faults, StubFigures figures) {}
}
