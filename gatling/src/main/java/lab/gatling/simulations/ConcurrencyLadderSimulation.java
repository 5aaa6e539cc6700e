package lab.gatling.simulations;

/**
 * {@code GET /api/io} at a fixed number of concurrent users ({@code users}), or at each step of
 * {@code ladder} in turn ({@code -Dladder=50,100,200}), then with {@code openSeconds > 0} one
 * open-model step at {@code rate} arrivals per second: a variant's whole measured run in one report.
 */
public class ConcurrencyLadderSimulation extends ClosedModelSimulation {

    public ConcurrencyLadderSimulation() {
        super(
                "io",
                (name, settings) -> LabHttp.get(
                        name, "/api/io", settings, "delayMs", settings.delayMs(), "bytes", settings.bytes()));
    }
}
