package lab.runner.model;

import static lab.runner.model.Measurements.measurement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import lab.runrecord.StepRun.Bottleneck;
import lab.runrecord.StepRun.Bottleneck.Cause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attribution rules as tables: each cause wins on its own, a figure just short of its
 * threshold does not, and each cause loses to one checked before it when both hold. The base step
 * is unremarkable: 1,000 rps while the load asks for 2,000, the app at 0.3 of its one CPU, the load
 * side at 0.4 of its one, nothing near a limit: nothing measured explains it.
 */
class AttributionTest {

    private static final double ASKED = 2000;

    /** One step and what the attribution is told about it. */
    static final class Setup {
        final Measurements.Builder m = measurement();
        double cpuBudget = 1;
        Integer maxThreads;
        String threads = Attribution.TOMCAT;
        Double asked = ASKED;
        boolean stubSlow;

        Bottleneck attribute() {
            return Attribution.DEFAULTS.attribute(
                    new Attribution.Evidence(m.build(), cpuBudget, maxThreads, threads, asked, stubSlow));
        }
    }

    /** A measured condition and the cause it stands for. */
    record Condition(String name, Cause cause, Consumer<Setup> apply) {

        @Override
        public String toString() {
            return name;
        }
    }

    static final Condition LOAD_SIDE_SATURATED =
            new Condition("Gatling 0.7 + stub 0.25 of 1 load CPU", Cause.LOAD_SIDE, s -> s.m.loadSide(0.7, 0.25, 1));
    static final Condition STUB_SLOW = new Condition("the stub answered slowly", Cause.STUB, s -> s.stubSlow = true);
    static final Condition OOM_KILLED =
            new Condition("an OOM kill at 1,000 of 1,024 MiB", Cause.MEMORY_LIMIT, s -> s.m.cgroup(0, 1000, 1024, 1));
    static final Condition HEAP_FULL =
            new Condition("900 of 1,024 MiB live after GC", Cause.HEAP, s -> s.m.heap(900.0, 1024.0));
    static final Condition GC_PAUSES = new Condition("GC pauses 20 % of wall time", Cause.GC, s -> s.m.gc(0.2, 0.3));
    static final Condition POOL_WAITING = new Condition(
            "150 calls waiting for one of 50 connections", Cause.CLIENT_POOL, s -> s.m.clientPool(50.0, 150.0, 50.0));
    static final Condition EXECUTOR_BUSY = new Condition(
            "256 of 256 fan-out executor threads busy, 144 calls queued",
            Cause.FANOUT_EXECUTOR,
            s -> s.m.executor(256.0, 144.0, 256.0));
    static final Condition THREADS_BUSY = new Condition("200 of 200 Tomcat threads busy", Cause.THREAD_POOL, s -> {
        s.maxThreads = 200;
        s.m.threadsBusy(200.0);
    });
    static final Condition CPU_FULL = new Condition("CPU 0.95 of 1 core", Cause.CPU, s -> s.m.cpu(0.95));
    static final Condition EVENT_LOOP_QUEUE =
            new Condition("150 tasks waiting for the event loop", Cause.EVENT_LOOP, s -> s.m.eventLoopPending(150.0));
    static final Condition LOAD_MET =
            new Condition("1,000 rps where the load asks 1,050", Cause.LOAD, s -> s.asked = 1050.0);
    static final Condition NOTHING = new Condition("nothing near a limit", Cause.UNEXPLAINED, s -> {});

    private static Bottleneck attribute(Condition... conditions) {
        Setup s = new Setup();
        Arrays.stream(conditions).forEach(c -> c.apply().accept(s));
        return s.attribute();
    }

    /** A condition that holds, or one just short of its threshold. */
    record Row(String name, Cause expected, Consumer<Setup> apply) {

        @Override
        public String toString() {
            return expected + " <- " + name;
        }
    }

    private static Row row(String name, Cause expected, Consumer<Setup> apply) {
        return new Row(name, expected, apply);
    }

    static Stream<Row> thresholds() {
        return Stream.of(
                row("Gatling 0.7 + stub 0.25 of 1 load CPU", Cause.LOAD_SIDE, s -> s.m.loadSide(0.7, 0.25, 1)),
                row("Gatling 0.6 + stub 0.2 of 1 load CPU", Cause.UNEXPLAINED, s -> s.m.loadSide(0.6, 0.2, 1)),
                row("Gatling 0.7 + stub 0.25 of 2 load CPUs", Cause.UNEXPLAINED, s -> s.m.loadSide(0.7, 0.25, 2)),
                row("the stub answered slowly", Cause.STUB, s -> s.stubSlow = true),
                row("memory 980 of 1,024 MiB", Cause.MEMORY_LIMIT, s -> s.m.cgroup(0, 980, 1024, 0)),
                row("an OOM kill at 500 of 1,024 MiB", Cause.MEMORY_LIMIT, s -> s.m.cgroup(0, 500, 1024, 1)),
                row("memory 900 of 1,024 MiB", Cause.UNEXPLAINED, s -> s.m.cgroup(0, 900, 1024, 0)),
                row("900 of 1,024 MiB live after GC", Cause.HEAP, s -> s.m.heap(900.0, 1024.0)),
                row("850 of 1,024 MiB live after GC", Cause.UNEXPLAINED, s -> s.m.heap(850.0, 1024.0)),
                row("heap maximum unknown", Cause.UNEXPLAINED, s -> s.m.heap(900.0, null)),
                row("GC pauses 15 % of wall time", Cause.GC, s -> s.m.gc(0.15, 0.1)),
                row("GC threads 30 % of the app's CPU", Cause.GC, s -> s.m.gc(0.01, 0.3)),
                row("GC pauses 16 %, GC CPU unknown", Cause.GC, s -> s.m.gc(0.16, null)),
                row("GC pauses 14 %, GC threads 29 % of the CPU", Cause.UNEXPLAINED, s -> s.m.gc(0.14, 0.29)),
                row(
                        "3 calls waiting for one of 50 connections",
                        Cause.CLIENT_POOL,
                        s -> s.m.clientPool(49.0, 3.0, 50.0)),
                row("3 calls waiting, pool size unknown", Cause.CLIENT_POOL, s -> s.m.clientPool(40.0, 3.0, null)),
                // fanout, WebFlux at 100 users: new connections still connecting, the pool far from full
                row(
                        "4 calls waiting at 400 of 10,000 connections",
                        Cause.UNEXPLAINED,
                        s -> s.m.clientPool(400.0, 4.0, 10_000.0)),
                row("all 50 connections in use", Cause.CLIENT_POOL, s -> s.m.clientPool(50.0, 0.0, 50.0)),
                row("all 50 in use, pending unknown", Cause.CLIENT_POOL, s -> s.m.clientPool(50.0, null, 50.0)),
                row("49 of 50 connections, none waiting", Cause.UNEXPLAINED, s -> s.m.clientPool(49.0, 0.0, 50.0)),
                row("pool figures unknown", Cause.UNEXPLAINED, s -> s.m.clientPool(null, null, null)),
                row(
                        "256 of 256 executor threads busy, 144 calls queued",
                        Cause.FANOUT_EXECUTOR,
                        s -> s.m.executor(256.0, 144.0, 256.0)),
                // fanout, MVC at 100 users: 100 of 200 Tomcat threads wait for 400 calls on 256 threads
                row(
                        "fanout at 100 users: 634 rps of the 990 asked, 100 of 200 Tomcat threads",
                        Cause.FANOUT_EXECUTOR,
                        s -> {
                            s.maxThreads = 200;
                            s.asked = 990.0;
                            s.m.throughput(634).threadsBusy(100.0).executor(256.0, 144.0, 256.0);
                        }),
                row(
                        "251 of 256 executor threads busy, none queued",
                        Cause.FANOUT_EXECUTOR,
                        s -> s.m.executor(251.0, 0.0, 256.0)),
                row(
                        "all 256 executor threads busy, queue unknown",
                        Cause.FANOUT_EXECUTOR,
                        s -> s.m.executor(256.0, null, 256.0)),
                row(
                        "250 of 256 executor threads busy, none queued",
                        Cause.UNEXPLAINED,
                        s -> s.m.executor(250.0, 0.0, 256.0)),
                // with threads free a call waits in the queue only until an idle thread takes it
                row(
                        "200 of 256 executor threads busy, one call caught in the queue",
                        Cause.UNEXPLAINED,
                        s -> s.m.executor(200.0, 1.0, 256.0)),
                row("an idle executor", Cause.UNEXPLAINED, s -> s.m.executor(0.0, 0.0, 256.0)),
                row("executor maximum unknown", Cause.UNEXPLAINED, s -> s.m.executor(256.0, 144.0, null)),
                row("196 of 200 threads busy", Cause.THREAD_POOL, s -> {
                    s.maxThreads = 200;
                    s.m.threadsBusy(196.0);
                }),
                row("195 of 200 threads busy", Cause.UNEXPLAINED, s -> {
                    s.maxThreads = 200;
                    s.m.threadsBusy(195.0);
                }),
                row("200 busy, but no thread pool limits the model", Cause.UNEXPLAINED, s -> s.m.threadsBusy(200.0)),
                row("4 in progress on 4 event-loop threads (blocking calls)", Cause.EVENT_LOOP, s -> {
                    s.maxThreads = 4;
                    s.threads = Attribution.EVENT_LOOP_THREADS;
                    s.m.inFlight(4.0);
                }),
                row("10 in progress on 10 bounded-elastic threads", Cause.THREAD_POOL, s -> {
                    s.maxThreads = 10;
                    s.threads = Attribution.BOUNDED_ELASTIC;
                    s.m.inFlight(12.0);
                }),
                row("3 in progress on 4 event-loop threads", Cause.UNEXPLAINED, s -> {
                    s.maxThreads = 4;
                    s.threads = Attribution.EVENT_LOOP_THREADS;
                    s.m.inFlight(3.0);
                }),
                row("CPU 0.95 of 1 core", Cause.CPU, s -> s.m.cpu(0.95)),
                row("CPU 0.85 of 1 core", Cause.CPU, s -> s.m.cpu(0.85)),
                row("CPU 0.84 of 1 core", Cause.UNEXPLAINED, s -> s.m.cpu(0.84)),
                row("CPU 1.85 of 2 cores", Cause.CPU, s -> {
                    s.cpuBudget = 2;
                    s.m.cpu(1.85);
                }),
                row("CPU 1.2 of 2 cores", Cause.UNEXPLAINED, s -> {
                    s.cpuBudget = 2;
                    s.m.cpu(1.2);
                }),
                row(
                        "CPU 0.7, throttled in 92 % of periods",
                        Cause.CPU, s -> s.m.cpu(0.7).cgroup(0.92, 300, 1024, 0)),
                row(
                        "CPU 0.7, throttled in 50 % of periods",
                        Cause.UNEXPLAINED, s -> s.m.cpu(0.7).cgroup(0.5, 300, 1024, 0)),
                row("100 tasks waiting for the event loop", Cause.EVENT_LOOP, s -> s.m.eventLoopPending(100.0)),
                row("99 tasks waiting for the event loop", Cause.UNEXPLAINED, s -> s.m.eventLoopPending(99.0)),
                row("1,000 rps where the users ask 1,050", Cause.LOAD, s -> s.asked = 1050.0),
                row("open model: 950 of 1,000 arrivals/s", Cause.LOAD, s -> {
                    s.asked = 1000.0;
                    s.m.throughput(950);
                }),
                row("open model: 850 of 1,000 arrivals/s", Cause.UNEXPLAINED, s -> {
                    s.asked = 1000.0;
                    s.m.throughput(850);
                }),
                row("no load prediction", Cause.UNEXPLAINED, s -> s.asked = null),
                row("nothing near a limit", Cause.UNEXPLAINED, s -> {}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thresholds")
    void aCauseHoldsFromItsThreshold(Row row) {
        Setup s = new Setup();
        row.apply().accept(s);

        assertThat(s.attribute().cause()).isEqualTo(row.expected());
    }

    /** When both hold, the first wins: it is the root cause or it makes the step say nothing about the app. */
    record Priority(Condition higher, Condition lower) {

        @Override
        public String toString() {
            return higher.cause() + " over " + lower.cause() + ": " + higher + " + " + lower;
        }
    }

    static Stream<Priority> priorities() {
        return Stream.of(
                // a saturated load side also slows the stub down
                new Priority(LOAD_SIDE_SATURATED, STUB_SLOW),
                new Priority(LOAD_SIDE_SATURATED, CPU_FULL),
                new Priority(STUB_SLOW, OOM_KILLED),
                new Priority(OOM_KILLED, HEAP_FULL),
                // a heap full of live data is why GC works so hard
                new Priority(HEAP_FULL, GC_PAUSES),
                new Priority(GC_PAUSES, POOL_WAITING),
                new Priority(GC_PAUSES, CPU_FULL),
                // the pool scenario: every Tomcat thread waits for a pooled connection
                new Priority(POOL_WAITING, THREADS_BUSY),
                // executor threads waiting for a pooled connection: the pool is the root cause
                new Priority(POOL_WAITING, EXECUTOR_BUSY),
                new Priority(GC_PAUSES, EXECUTOR_BUSY),
                // the fanout scenario: each Tomcat thread waits for its calls to get executor threads
                new Priority(EXECUTOR_BUSY, THREADS_BUSY),
                new Priority(EXECUTOR_BUSY, CPU_FULL),
                new Priority(EXECUTOR_BUSY, LOAD_MET),
                new Priority(POOL_WAITING, EVENT_LOOP_QUEUE),
                new Priority(THREADS_BUSY, CPU_FULL),
                // tasks queue on an event loop whose CPU is full: a symptom of the CPU
                new Priority(CPU_FULL, EVENT_LOOP_QUEUE),
                new Priority(CPU_FULL, LOAD_MET),
                // a queue while the load gets all it asks for is batching, not a limit
                new Priority(LOAD_MET, EVENT_LOOP_QUEUE),
                new Priority(LOAD_MET, NOTHING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("priorities")
    void theCauseCheckedFirstWins(Priority p) {
        assertThat(attribute(p.lower()).cause())
                .as("alone: " + p.lower())
                .isEqualTo(p.lower().cause());
        assertThat(attribute(p.higher()).cause())
                .as("alone: " + p.higher())
                .isEqualTo(p.higher().cause());
        assertThat(attribute(p.higher(), p.lower()).cause())
                .isEqualTo(p.higher().cause());
        assertThat(attribute(p.lower(), p.higher()).cause())
                .isEqualTo(p.higher().cause());
    }

    @Test
    void everyCauseWinsSomewhereAndEveryCauseButTheFirstLosesSomewhere() {
        List<Cause> winners = thresholds().map(Row::expected).distinct().toList();
        List<Cause> losers = priorities().map(p -> p.lower().cause()).distinct().toList();

        assertThat(winners).containsExactlyInAnyOrder(Cause.values());
        assertThat(losers)
                .containsExactlyInAnyOrder(Arrays.stream(Cause.values())
                        .filter(c -> c != Cause.LOAD_SIDE)
                        .toArray(Cause[]::new));
    }

    @Test
    void theFigureSaysWhatWasMeasured() {
        Bottleneck threads = attribute(THREADS_BUSY);
        Bottleneck cpu = attribute(CPU_FULL);
        Bottleneck load = attribute(LOAD_SIDE_SATURATED);
        Bottleneck pool = attribute(POOL_WAITING);
        Bottleneck unexplained = attribute(NOTHING);
        Bottleneck executor = attribute(EXECUTOR_BUSY);

        assertThat(threads.figure()).isEqualTo("200 of 200 Tomcat threads busy");
        assertThat(threads.value()).isEqualTo(1.0);
        assertThat(cpu.figure()).isEqualTo("CPU 0.95 of 1.00 cores");
        assertThat(cpu.value()).isCloseTo(0.95, within(1e-9));
        assertThat(load.figure()).isEqualTo("Gatling 0.70 + stub 0.25 of the load side's 1.00 CPU");
        assertThat(load.value()).isCloseTo(0.95, within(1e-9));
        assertThat(pool.figure()).isEqualTo("client pool 50 of 50 connections in use, up to 150 calls waiting");
        assertThat(pool.value()).isEqualTo(1.0);
        assertThat(executor.figure()).isEqualTo("fan-out executor 256 of 256 threads busy, up to 144 calls queued");
        assertThat(executor.value()).isEqualTo(1.0);
        assertThat(unexplained.figure()).isEqualTo("no measured limit: CPU 0.30 of 1.00, 1000 of 2000 rps asked");
        assertThat(unexplained.value()).isNull();
    }
}
