package lab.gatling.simulations;

/**
 * The ladder's closed model pointed at the stub's own {@code /delay}, so that the end-to-end test
 * needs no app: same settings, injection, protocol and runner as the real simulations.
 */
public class StubDelaySimulation extends ClosedModelSimulation {

    public StubDelaySimulation() {
        super(
                "delay",
                (name, settings) ->
                        LabHttp.get(name, "/delay", settings, "ms", settings.delayMs(), "bytes", settings.bytes()));
    }
}
