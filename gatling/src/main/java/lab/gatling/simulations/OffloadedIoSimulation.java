package lab.gatling.simulations;

/**
 * {@code GET /api/offloaded-io}: the usual fix for a blocking call on WebFlux, the call moved to
 * Reactor's bounded elastic scheduler (the same as {@code /api/io} in MVC); closed model.
 */
public class OffloadedIoSimulation extends ClosedModelSimulation {

    public OffloadedIoSimulation() {
        super(
                "offloaded-io",
                (name, settings) -> LabHttp.get(name, "/api/offloaded-io", settings, "delayMs", settings.delayMs()));
    }
}
