package lab.gatling.simulations;

/** {@code GET /api/fanout}: each request makes {@code calls} downstream calls in parallel; closed model. */
public class FanoutSimulation extends ClosedModelSimulation {

    public FanoutSimulation() {
        super(
                "fanout",
                (name, settings) -> LabHttp.get(
                        name, "/api/fanout", settings, "calls", settings.calls(), "delayMs", settings.delayMs()));
    }
}
