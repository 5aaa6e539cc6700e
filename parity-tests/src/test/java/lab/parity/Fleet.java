package lab.parity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import lab.contract.kit.DownstreamStub;
import lab.contract.kit.JarProcess;
import lab.contract.kit.Jars;

/**
 * One stub and every {@link FleetApp}, started once for the whole test run (in parallel: the starts
 * dominate the module's run time) and stopped at its end by {@link FleetExtension}.
 */
final class Fleet implements AutoCloseable {

    /**
     * Identical for every app (fairness compares heap max and CPUs), small and quick to start:
     * C1 only, serial GC.
     */
    static final List<String> JVM_FLAGS = List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final DownstreamStub stub;
    private final Map<FleetApp, JarProcess> apps;

    private Fleet(DownstreamStub stub, Map<FleetApp, JarProcess> apps) {
        this.stub = stub;
        this.apps = apps;
    }

    static Fleet start() {
        DownstreamStub stub = DownstreamStub.start();
        Map<FleetApp, JarProcess> apps = new EnumMap<>(FleetApp.class);
        List<CompletableFuture<JarProcess>> starts = new ArrayList<>();
        try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
            for (FleetApp app : FleetApp.values()) {
                starts.add(CompletableFuture.supplyAsync(
                        () -> {
                            JarProcess process = startApp(app, stub);
                            synchronized (apps) {
                                apps.put(app, process);
                            }
                            return process;
                        },
                        starters));
            }
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            apps.values().forEach(JarProcess::close);
            stub.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return new Fleet(stub, apps);
    }

    private static JarProcess startApp(FleetApp app, DownstreamStub stub) {
        List<String> args = new ArrayList<>();
        args.add("--lab.downstream.base-url=" + stub.baseUrl());
        args.addAll(app.args());
        return JarProcess.builder(app.processName(), Jars.of(app.variant().app()))
                .jvmArgs(JVM_FLAGS)
                .appArgs(args)
                .start();
    }

    JarProcess app(FleetApp app) {
        return apps.get(app);
    }

    String baseUrl(FleetApp app) {
        return app(app).baseUrl();
    }

    DownstreamStub stub() {
        return stub;
    }

    @Override
    public void close() {
        apps.values().parallelStream().forEach(JarProcess::close);
        stub.close();
    }
}
