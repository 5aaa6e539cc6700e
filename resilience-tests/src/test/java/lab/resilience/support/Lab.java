package lab.resilience.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lab.contract.kit.DownstreamStub;
import lab.contract.kit.JarProcess;
import lab.contract.kit.Jars;
import lab.contract.kit.StubFaults;
import lab.variants.Variant;

/**
 * The processes the fault, overload, recovery and lock-down tests share: one private stub (this
 * module kills and restarts it, so it is not the kit's shared one) and one app per variant, all
 * pointed at that stub and configured with the short timeouts and the low overload limit the tests
 * provoke. Started on first use, all three apps at once; stopped by the kit's shutdown hook. Also
 * the private apps that single tests need (one to shut down per variant, a small Tomcat), started
 * in the background while the first tests run.
 */
public final class Lab {

    /** Short, so a stub slower than it answers 504 quickly; long enough for a 500 ms call on a busy machine. */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);
    /** Explicit, so "refused is fast" has a bound derived from configuration. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** The spec: a 504 comes within the response timeout plus this. */
    public static final Duration TIMEOUT_SLACK = Duration.ofMillis(500);

    public static final int MAX_IN_PROGRESS = 8;

    /** A Tomcat that can hold only a few connections, to show what its connection limits do at the socket level. */
    public static final int SMALL_TOMCAT_THREADS = 4;

    public static final int SMALL_TOMCAT_MAX_CONNECTIONS = 4;
    public static final int SMALL_TOMCAT_ACCEPT_COUNT = 2;

    /**
     * Platform threads: a start blocks its thread for seconds (process start, polling), and on
     * virtual threads several starts could hold both carrier threads of a 2-core machine and stall
     * the tests' HTTP calls meanwhile.
     */
    private static final Executor STARTER =
            Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory());
    /** Apps a test ends or needs configured differently, started in the background as soon as the shared ones are up. */
    private static final Map<String, CompletableFuture<JarProcess>> SPARES = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Lab::stopSpares, "resilience-spares-reaper"));
    }

    private static JarProcess stub;
    private static int stubPort;
    private static final Map<Variant, JarProcess> APPS = new EnumMap<>(Variant.class);

    /** Small heap and C1 only: these JVMs must start fast and several run at once on two cores. */
    public static final List<String> APP_JVM_ARGS = List.of("-Xmx128m", "-XX:TieredStopAtLevel=1");

    private Lab() {}

    public static synchronized String stubUrl() {
        ensureStub();
        return stub.baseUrl();
    }

    /** The shared stub's process (started on first use). */
    public static synchronized JarProcess stub() {
        ensureStub();
        return stub;
    }

    public static synchronized StubFaults stubFaults() {
        return StubFaults.of(stubUrl());
    }

    /** The shared app of {@code variant}; starts the stub and all three apps on first use. */
    public static synchronized JarProcess app(Variant variant) {
        ensureStub();
        if (APPS.isEmpty() || APPS.values().stream().anyMatch(p -> !p.isAlive())) {
            startApps();
        }
        return APPS.get(variant);
    }

    /** A private app of {@code variant} with its shipped settings (pointed at the stub), for a test that ends it. */
    public static synchronized CompletableFuture<JarProcess> freshApp(Variant variant) {
        return spare("resilience-fresh-" + variant.id(), variant, baseArgs(variant, stubUrl()));
    }

    /** An mvc app whose Tomcat has {@link #SMALL_TOMCAT_THREADS} threads and as few connections. */
    public static synchronized CompletableFuture<JarProcess> smallTomcat() {
        return spare(
                "resilience-mvc-small-tomcat",
                Variant.MVC,
                appArgs(
                        Variant.MVC,
                        stubUrl(),
                        "--server.tomcat.threads.max=" + SMALL_TOMCAT_THREADS,
                        "--server.tomcat.threads.min-spare=" + SMALL_TOMCAT_THREADS,
                        "--server.tomcat.max-connections=" + SMALL_TOMCAT_MAX_CONNECTIONS,
                        "--server.tomcat.accept-count=" + SMALL_TOMCAT_ACCEPT_COUNT));
    }

    private static CompletableFuture<JarProcess> spare(String name, Variant variant, List<String> args) {
        return SPARES.computeIfAbsent(name, n -> startInBackground(n, variant, args));
    }

    /**
     * The starts cost CPU, the fault and lock-down tests mostly wait on timers: overlapping them
     * keeps the module fast. Only after the shared apps are up, so those start as fast as they can.
     */
    private static void startSparesInBackground() {
        for (Variant variant : Variant.COMPARED) {
            freshApp(variant);
        }
        smallTomcat();
    }

    /**
     * When only some test classes run, the JVM may exit while spares are still starting, after the
     * kit's own reaper ran: wait for those starts to end, then stop what they started.
     */
    private static void stopSpares() {
        for (CompletableFuture<JarProcess> spare : SPARES.values()) {
            try {
                spare.get(JarProcess.DEFAULT_START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                        .close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // never started (or the kit's reaper stopped it while starting): nothing to stop
            }
        }
    }

    /** The variant's profile and the stub; every other setting as the app ships it. */
    public static List<String> baseArgs(Variant variant, String stubBaseUrl, String... extra) {
        List<String> args = new ArrayList<>(variant.profileArgs());
        args.add("--lab.downstream.base-url=" + stubBaseUrl);
        args.addAll(List.of(extra));
        return args;
    }

    /** The arguments the shared apps get: the stub, short timeouts, a low overload limit. */
    public static List<String> appArgs(Variant variant, String stubBaseUrl, String... extra) {
        List<String> args = new ArrayList<>(baseArgs(variant, stubBaseUrl));
        args.add("--lab.downstream.response-timeout=" + RESPONSE_TIMEOUT.toMillis() + "ms");
        args.add("--lab.downstream.connect-timeout=" + CONNECT_TIMEOUT.toMillis() + "ms");
        args.add("--lab.overload.max-in-progress=" + MAX_IN_PROGRESS);
        args.addAll(List.of(extra));
        return args;
    }

    /** SIGKILL, as a crashed downstream would be: no graceful close of its connections. */
    public static synchronized void killStub() {
        ensureStub();
        stub.process().destroyForcibly();
        try {
            stub.process().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted killing the stub", e);
        }
    }

    /** Starts the stub again on the port the apps know; a no-op if it is running. */
    public static synchronized void restartStub() {
        ensureStub();
    }

    private static void ensureStub() {
        if (stub != null && stub.isAlive()) {
            return;
        }
        JarProcess.Builder builder = JarProcess.builder("resilience-stub", Jars.stub())
                .jvmArgs(DownstreamStub.JVM_ARGS)
                .appArgs("--stub.admin.enabled=true");
        if (stubPort > 0) {
            builder.port(stubPort);
        }
        stub = builder.start();
        stubPort = stub.port();
    }

    private static void startApps() {
        APPS.values().forEach(JarProcess::close);
        APPS.clear();
        Map<Variant, CompletableFuture<JarProcess>> starting = new EnumMap<>(Variant.class);
        for (Variant variant : Variant.COMPARED) {
            starting.put(
                    variant,
                    startInBackground("resilience-" + variant.id(), variant, appArgs(variant, stub.baseUrl())));
        }
        starting.forEach((variant, future) -> APPS.put(variant, future.join()));
        startSparesInBackground();
    }

    /**
     * Starts an app on its own thread (the common pool has a single thread on two cores, which
     * would serialise the starts).
     */
    public static CompletableFuture<JarProcess> startInBackground(String name, Variant variant, List<String> args) {
        return CompletableFuture.supplyAsync(
                () -> JarProcess.start(name, Jars.of(variant.app()), APP_JVM_ARGS, args), STARTER);
    }
}
