package lab.dashboard;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import lab.contract.kit.DownstreamStub;
import lab.contract.kit.JarProcess;
import lab.contract.kit.Jars;

/**
 * The real stub (fault admin on) and the real mvc and webflux jars, started once per test JVM on
 * random ports (in parallel: the starts dominate) and stopped by the test kit's shutdown hook.
 */
final class RealLab {

    /** Small and quick to start, as the other modules' tests run the apps: C1 only, serial GC. */
    static final List<String> APP_JVM_FLAGS = List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static RealLab shared;

    final DownstreamStub stub;
    final JarProcess mvc;
    final JarProcess webflux;

    private RealLab(DownstreamStub stub, JarProcess mvc, JarProcess webflux) {
        this.stub = stub;
        this.mvc = mvc;
        this.webflux = webflux;
    }

    static synchronized RealLab get() {
        if (shared == null || !shared.mvc.isAlive() || !shared.webflux.isAlive()) {
            DownstreamStub stub = DownstreamStub.start();
            CompletableFuture<JarProcess> mvc = CompletableFuture.supplyAsync(() -> app("mvc", Jars.mvcApp(), stub));
            CompletableFuture<JarProcess> webflux =
                    CompletableFuture.supplyAsync(() -> app("webflux", Jars.webfluxApp(), stub));
            shared = new RealLab(stub, mvc.join(), webflux.join());
        }
        return shared;
    }

    private static JarProcess app(String name, java.nio.file.Path jar, DownstreamStub stub) {
        return JarProcess.builder(name, jar)
                .jvmArgs(APP_JVM_FLAGS)
                .appArgs("--lab.downstream.base-url=" + stub.baseUrl())
                .start();
    }

    /** {@code dashboard.targets} for both apps. */
    String targets() {
        return "mvc=" + mvc.baseUrl() + ",webflux=" + webflux.baseUrl();
    }
}
