package lab.gatling.simulations;

/**
 * The ladder's closed model (and open step) pointed at the downstream stub's own {@code /delay}
 * instead of an app: it measures the load side alone (Gatling and the stub, which must never be
 * what limits an app), and lets tests run real traffic without an app. Same settings, injection,
 * protocol and runner as the app simulations; {@code delayMs} and {@code bytes} go to the stub.
 */
public class StubDelaySimulation extends ClosedModelSimulation {

    public StubDelaySimulation() {
        super(
                "delay",
                (name, settings) ->
                        LabHttp.get(name, "/delay", settings, "ms", settings.delayMs(), "bytes", settings.bytes()));
    }
}
