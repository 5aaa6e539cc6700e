package lab.dashboard.scrape;

import java.util.List;

/**
 * The stub's own meters between two scrapes: whether the downstream itself keeps up.
 *
 * @param rps {@code /delay} requests answered (or failed on purpose) per second
 * @param inFlight {@code /delay} requests waiting out their delay
 * @param latenessMs mean of how much later than asked the answers started (event-loop lag):
 *     near 0 unless the stub is short of CPU
 */
public record StubFigures(Double rps, Double inFlight, Double latenessMs) {

    private static final double NANOS = 1e9;
    private static final double MS = 1_000.0;

    static StubFigures between(Scrape previous, Scrape current) {
        double seconds = (current.nanos() - previous.nanos()) / NANOS;
        Double before = previous.sum("stub_requests_total");
        Double now = current.sum("stub_requests_total");
        Double rps = before == null || now == null || now < before ? null : (now - before) / seconds;
        return new StubFigures(rps, current.sum("stub_requests_in_flight"), lateness(previous, current));
    }

    private static Double lateness(Scrape previous, Scrape current) {
        List<Distribution> before = previous.distributions("stub_delay_lateness_seconds");
        List<Distribution> now = current.distributions("stub_delay_lateness_seconds");
        if (before.size() != 1 || now.size() != 1) {
            return null;
        }
        long count = now.getFirst().count() - before.getFirst().count();
        double sum = now.getFirst().sum() - before.getFirst().sum();
        return count <= 0 ? null : sum / count * MS;
    }
}
