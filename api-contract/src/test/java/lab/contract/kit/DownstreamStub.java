package lab.contract.kit;

import java.util.ArrayList;
import java.util.List;

/**
 * The downstream stub as a real process. {@link #shared()} is one stub per test JVM (started on
 * first use, admin endpoint enabled, stopped by the JVM shutdown hook); {@link #start(String...)}
 * gives a private one that the caller closes.
 */
public final class DownstreamStub implements AutoCloseable {

    /** Small and quick to start: the stub is non-blocking and must never be the bottleneck of a test. */
    public static final List<String> JVM_ARGS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xss512k");

    private static final String ADMIN = "--stub.admin.enabled=true";

    private static volatile DownstreamStub shared;

    private final JarProcess process;

    private DownstreamStub(JarProcess process) {
        this.process = process;
    }

    /** The stub every test in this JVM shares (thread-safe, lazy). Do not close it. */
    public static DownstreamStub shared() {
        DownstreamStub stub = shared;
        if (stub == null || !stub.process.isAlive()) {
            synchronized (DownstreamStub.class) {
                stub = shared;
                if (stub == null || !stub.process.isAlive()) {
                    stub = new DownstreamStub(JarProcess.builder("stub-shared", Jars.stub())
                            .jvmArgs(JVM_ARGS)
                            .appArgs(ADMIN)
                            .start());
                    shared = stub;
                }
            }
        }
        return stub;
    }

    /** A private stub with the admin endpoint enabled plus {@code args}; close it when done. */
    public static DownstreamStub start(String... args) {
        List<String> appArgs = new ArrayList<>(List.of(ADMIN));
        appArgs.addAll(List.of(args));
        return new DownstreamStub(JarProcess.builder("stub", Jars.stub())
                .jvmArgs(JVM_ARGS)
                .appArgs(appArgs)
                .start());
    }

    public String baseUrl() {
        return process.baseUrl();
    }

    public int port() {
        return process.port();
    }

    public JarProcess process() {
        return process;
    }

    @Override
    public void close() {
        if (this == shared) {
            return; // the shutdown hook stops the shared stub
        }
        process.close();
    }
}
