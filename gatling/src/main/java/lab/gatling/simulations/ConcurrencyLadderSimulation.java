package lab.gatling.simulations;

/**
 * {@code GET /api/io} at a fixed number of concurrent users ({@code users}), or at each step of
 * {@code ladder} in turn. The lab runs one step per JVM; standalone, {@code -Dladder=50,100,200}
 * runs the whole ladder in one report.
 */
public class ConcurrencyLadderSimulation extends ClosedModelSimulation {

    public ConcurrencyLadderSimulation() {
        super(
                "io",
                (name, settings) -> LabHttp.get(
                        name, "/api/io", settings, "delayMs", settings.delayMs(), "bytes", settings.bytes()));
    }
}
