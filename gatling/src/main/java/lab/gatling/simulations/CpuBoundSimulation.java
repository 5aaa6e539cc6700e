package lab.gatling.simulations;

/** {@code GET /api/cpu}: CPU-bound work and no downstream, where the event loop buys nothing; closed model. */
public class CpuBoundSimulation extends ClosedModelSimulation {

    public CpuBoundSimulation() {
        super("cpu", (name, settings) -> LabHttp.get(name, "/api/cpu", settings, "rounds", settings.rounds()));
    }
}
