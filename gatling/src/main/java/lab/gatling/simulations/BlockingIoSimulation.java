package lab.gatling.simulations;

/**
 * {@code GET /api/blocking-io}: a blocking downstream call, normal on MVC and the anti-pattern on
 * WebFlux's event loop; closed model.
 */
public class BlockingIoSimulation extends ClosedModelSimulation {

    public BlockingIoSimulation() {
        super(
                "blocking-io",
                (name, settings) -> LabHttp.get(name, "/api/blocking-io", settings, "delayMs", settings.delayMs()));
    }
}
