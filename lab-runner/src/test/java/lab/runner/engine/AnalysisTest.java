package lab.runner.engine;

import static lab.runner.engine.EngineFixtures.closed;
import static lab.runner.engine.EngineFixtures.ladder;
import static lab.runner.engine.EngineFixtures.open;
import static lab.runner.engine.EngineFixtures.spec;
import static lab.runner.engine.EngineFixtures.step;
import static lab.runner.model.Measurements.measurement;
import static lab.runner.model.Measurements.second;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import lab.runner.model.Attribution;
import lab.runner.model.ValidityRules;
import lab.runrecord.Measurement;
import lab.runrecord.ScenarioSpec;
import lab.runrecord.StepRun;
import lab.runrecord.StepRun.Bottleneck.Cause;
import lab.runrecord.StepRun.Timeline.PhaseMark;
import lab.runrecord.VariantRun;
import org.junit.jupiter.api.Test;

class AnalysisTest {

    /** 200 threads / (100 ms delay + 9 ms overhead measured at 50 users). */
    private static final double MVC_CEILING = 200 / 0.109;

    private static Analysis.Outcome analyse(Analysis.Context c, List<Analysis.StepWindows> steps) {
        return new Analysis(c, ValidityRules.DEFAULTS, Attribution.DEFAULTS).analyse(steps);
    }

    private static Analysis.Context context(ScenarioSpec spec, Integer maxThreads) {
        return new Analysis.Context(spec, 1, maxThreads, "Tomcat", null, false, true, List.of());
    }

    private static StepRun stepNamed(Analysis.Outcome o, String id) {
        return o.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * MVC on the ladder, as measured on the README's machine: 50 users at a mean of 108-110 ms
     * (9 ms of overhead above the 100 ms delay), then the 200-thread plateau, then the open step
     * above it. The open step's own figures (its 2,500 rps at 0.1 ms of CPU each) would give other
     * ceilings if they were used.
     */
    private static List<Analysis.StepWindows> mvcLadder() {
        return List.of(
                step(
                        closed(50),
                        measurement().throughput(458).meanMs(108).cpu(0.1).build(),
                        measurement().throughput(459).meanMs(109).cpu(0.1).build(),
                        measurement().throughput(457).meanMs(110).cpu(0.1).build()),
                step(
                        closed(200),
                        measurement()
                                .throughput(1829)
                                .meanMs(109)
                                .cpu(0.37)
                                .threadsBusy(190.0)
                                .build()),
                step(
                        closed(400),
                        measurement()
                                .throughput(1850)
                                .meanMs(216)
                                .cpu(0.37)
                                .threadsBusy(200.0)
                                .build()),
                step(
                        closed(800),
                        measurement()
                                .throughput(1840)
                                .meanMs(435)
                                .cpu(0.38)
                                .threadsBusy(200.0)
                                .build()),
                step(
                        open(3000),
                        measurement()
                                .throughput(2500)
                                .offered(3000.0)
                                .cpu(0.25)
                                .threadsBusy(200.0)
                                .build()));
    }

    @Test
    void theCeilingsComeFromTheLadder() {
        VariantRun.Ceilings c = analyse(context(ladder(), 200), mvcLadder()).ceilings();

        assertThat(c.maxThreads()).isEqualTo(200);
        // the median mean latency at the lowest step, 109 ms, minus the 100 ms delay
        assertThat(c.perRequestOverheadMs()).isCloseTo(9, within(1e-9));
        assertThat(c.threadCeilingRps()).isCloseTo(MVC_CEILING, within(1e-6));
        // CPU per request at the closed step with the highest throughput: 0.37 cores / 1,850 rps
        assertThat(c.cpuMsPerRequest()).isCloseTo(0.2, within(1e-9));
        assertThat(c.cpuCeilingRps()).isCloseTo(5000, within(1e-6));
    }

    @Test
    void aSubMillisecondRequestIsPredictedFromItsOwnLatencyNotFromAOneMillisecondFloor() {
        // recorded (cpu scenario, no downstream): one user at a mean of 0.27 ms made 3,700 rps
        ScenarioSpec cpu = spec("cpu", "/api/cpu", null, "ladder", List.of());
        StepRun u1 = stepNamed(
                analyse(
                        context(cpu, null),
                        List.of(step(
                                closed(1),
                                measurement()
                                        .throughput(3700)
                                        .meanMs(0.27)
                                        .cpu(0.74)
                                        .build()))),
                "u1");

        assertThat(u1.prediction().predictedRps()).isCloseTo(1 / 0.00027, within(1.0));
        assertThat(u1.prediction().measuredOverPredicted()).isBetween(0.97, 1.03);
    }

    @Test
    void atTheLowestStepThePredictionIsTheClosedModelIdentity() {
        StepRun u50 = stepNamed(analyse(context(ladder(), 200), mvcLadder()), "u50");

        // 50 users / 109 ms = 458.7 rps; measured 458: within 3 %
        assertThat(u50.prediction().basis()).isEqualTo("users");
        assertThat(u50.prediction().predictedRps()).isCloseTo(50 / 0.109, within(1e-6));
        assertThat(u50.prediction().measuredOverPredicted()).isBetween(0.97, 1.03);
        assertThat(u50.bottleneck().cause()).isEqualTo(Cause.LOAD);
    }

    @Test
    void pastTheThreadCeilingMvcIsPredictedAtMaxThreadsOverDelayPlusOverhead() {
        Analysis.Outcome o = analyse(context(ladder(), 200), mvcLadder());
        StepRun u400 = stepNamed(o, "u400");
        StepRun u800 = stepNamed(o, "u800");

        assertThat(u400.prediction().basis()).isEqualTo("threads");
        assertThat(u400.prediction().predictedRps()).isCloseTo(MVC_CEILING, within(1e-6));
        assertThat(u400.prediction().littlesLawRps()).isCloseTo(400 / 0.109, within(1e-6));
        assertThat(u400.prediction().threadCeilingRps()).isCloseTo(MVC_CEILING, within(1e-6));
        assertThat(u400.prediction().cpuCeilingRps()).isCloseTo(5000, within(1e-6));
        assertThat(u400.prediction().measuredOverPredicted()).isCloseTo(1850 / MVC_CEILING, within(1e-9));
        assertThat(u800.prediction().predictedRps()).isCloseTo(MVC_CEILING, within(1e-6));
        assertThat(u400.bottleneck().cause()).isEqualTo(Cause.THREAD_POOL);
        assertThat(u400.verdict().valid()).isTrue();
    }

    @Test
    void theOpenStepIsTheOfferedRateCappedByTheLaddersCeilingsNeverByItsOwnFigures() {
        Analysis.Outcome o = analyse(context(ladder(), 200), mvcLadder());
        StepRun open = stepNamed(o, "open3000");

        assertThat(open.load().open()).isTrue();
        assertThat(open.load().rate()).isEqualTo(3000);
        assertThat(open.prediction().littlesLawRps()).isEqualTo(3000);
        assertThat(open.prediction().basis()).isEqualTo("threads");
        assertThat(open.prediction().predictedRps()).isCloseTo(MVC_CEILING, within(1e-6));
        assertThat(open.prediction().note()).contains("capped by the ceilings measured on the closed ladder");
        // its own 0.1 ms per request at 2,500 rps would have made a 10,000 rps CPU ceiling
        assertThat(o.ceilings().cpuCeilingRps()).isCloseTo(5000, within(1e-6));
        // it fell behind the offered rate, but with a named cause (every thread busy): valid
        assertThat(open.bottleneck().cause()).isEqualTo(Cause.THREAD_POOL);
        assertThat(open.verdict().valid()).isTrue();
    }

    @Test
    void withoutAThreadPoolTheCpuCeilingTakesOver() {
        // WebFlux: 0.88 cores at 6,749 rps where the load side was saturated, 0.95 cores at 6,541 rps
        List<Analysis.StepWindows> steps = List.of(
                step(
                        closed(50),
                        measurement().throughput(455).meanMs(109).cpu(0.09).build()),
                step(closed(800), measurement().throughput(5951).cpu(0.85).build()),
                step(
                        closed(1600),
                        measurement()
                                .throughput(6749)
                                .cpu(0.88)
                                .loadSide(0.72, 0.2, 1)
                                .build()),
                step(closed(3200), measurement().throughput(6541).cpu(0.95).build()));

        Analysis.Outcome o = analyse(context(ladder(), null), steps);
        StepRun u1600 = stepNamed(o, "u1600");
        StepRun u3200 = stepNamed(o, "u3200");

        assertThat(o.ceilings().threadCeilingRps()).isNull();
        // the most loaded valid step is 3,200 users: 0.95 / 6,541 = 0.1452 ms, a ceiling of 6,885 rps
        assertThat(o.ceilings().cpuMsPerRequest()).isCloseTo(0.95 * 1000 / 6541, within(1e-9));
        assertThat(u3200.prediction().basis()).isEqualTo("cpu");
        assertThat(u3200.prediction().predictedRps()).isCloseTo(6541 / 0.95, within(1e-6));
        assertThat(u3200.bottleneck().cause()).isEqualTo(Cause.CPU);
        assertThat(u1600.verdict().valid()).isFalse();
        assertThat(u1600.verdict().reasons()).singleElement().asString().startsWith("load side saturated");
        assertThat(u1600.bottleneck().cause()).isEqualTo(Cause.LOAD_SIDE);
    }

    @Test
    void theCpuCeilingComesFromTheBusiestStepNotTheHungriest() {
        // right after warm-up 0.5 cores for 1,000 rps (0.5 ms each); the busiest step 0.9 cores for 4,500 rps
        List<Analysis.StepWindows> steps = List.of(
                step(
                        closed(50),
                        measurement().throughput(1000).meanMs(105).cpu(0.5).build()),
                step(closed(400), measurement().throughput(4500).cpu(0.9).build()),
                step(closed(800), measurement().throughput(4000).cpu(0.92).build()));

        VariantRun.Ceilings c = analyse(context(ladder(), null), steps).ceilings();

        assertThat(c.cpuMsPerRequest()).isCloseTo(0.2, within(1e-9));
        assertThat(c.cpuCeilingRps()).isCloseTo(5000, within(1e-6));
    }

    @Test
    void theCpuScenarioTakesItsCpuPerRequestFromItsLowestStep() {
        ScenarioSpec cpu = spec("cpu", "/api/cpu", null, "ladder", List.of());
        // one user: 2.2 ms per request, 2.0 ms of it CPU
        List<Analysis.StepWindows> steps = List.of(
                step(
                        closed(1),
                        measurement().throughput(454).meanMs(2.2).cpu(0.908).build()),
                step(
                        closed(16),
                        measurement().throughput(480).meanMs(33).cpu(0.99).build()));

        Analysis.Outcome o = analyse(context(cpu, null), steps);
        StepRun u1 = stepNamed(o, "u1");
        StepRun u16 = stepNamed(o, "u16");

        assertThat(o.ceilings().perRequestOverheadMs()).isCloseTo(2.2, within(1e-9));
        assertThat(o.ceilings().cpuMsPerRequest()).isCloseTo(2.0, within(1e-9));
        assertThat(o.ceilings().cpuCeilingRps()).isCloseTo(500, within(1e-6));
        assertThat(u1.prediction().basis()).isEqualTo("users");
        assertThat(u1.prediction().predictedRps()).isCloseTo(1 / 0.0022, within(1e-6));
        assertThat(u16.prediction().basis()).isEqualTo("cpu");
        assertThat(u16.prediction().predictedRps()).isCloseTo(500, within(1e-6));
        assertThat(u16.bottleneck().cause()).isEqualTo(Cause.CPU);
    }

    @Test
    void aSmallClientPoolIsTheCeilingOfEveryModel() {
        ScenarioSpec pool = spec("pool", "/api/io", 100, "ladder", List.of());
        List<Analysis.StepWindows> steps = List.of(
                step(
                        closed(25),
                        measurement().throughput(229).meanMs(109).cpu(0.05).build()),
                step(
                        closed(1600),
                        measurement()
                                .throughput(455)
                                .cpu(0.1)
                                .threadsBusy(200.0)
                                .clientPool(50.0, 900.0, 50.0)
                                .build()));

        StepRun u1600 = stepNamed(
                analyse(new Analysis.Context(pool, 1, 200, "Tomcat", 50, false, true, List.of()), steps), "u1600");

        assertThat(u1600.prediction().poolCeilingRps()).isCloseTo(50 / 0.109, within(1e-6));
        assertThat(u1600.prediction().basis()).isEqualTo("pool");
        assertThat(u1600.prediction().predictedRps()).isCloseTo(50 / 0.109, within(1e-6));
        assertThat(u1600.bottleneck().cause()).isEqualTo(Cause.CLIENT_POOL);
    }

    @Test
    void theVerdictIsTheUnionOfEveryRepeatsReasonsAndTheBottleneckThatOfTheMedianRepeat() {
        List<Analysis.StepWindows> steps = List.of(
                step(closed(50), measurement().throughput(458).meanMs(109).build()),
                step(
                        closed(400),
                        // 1,800 rps: the CPU full, with other processes on the app's CPU
                        measurement()
                                .repeat(1)
                                .throughput(1800)
                                .cpu(0.95)
                                .foreignCpu(0.3)
                                .build(),
                        // 1,900 rps: the load side saturated
                        measurement()
                                .repeat(2)
                                .throughput(1900)
                                .loadSide(0.75, 0.2, 1)
                                .build(),
                        // 1,850 rps, the median: tasks waiting for a blocked event loop
                        measurement()
                                .repeat(3)
                                .throughput(1850)
                                .cpu(0.4)
                                .eventLoopPending(300.0)
                                .build()));

        StepRun u400 = stepNamed(analyse(context(ladder(), null), steps), "u400");

        assertThat(u400.verdict().valid()).isFalse();
        assertThat(u400.verdict().reasons())
                .containsExactly(
                        "noisy machine: other processes used 0.30 of the app's 1.00 CPU (1 of 3 repeats)",
                        "load side saturated: Gatling 0.75 + stub 0.20 of 1.00 CPU (1 of 3 repeats)");
        assertThat(u400.bottleneck().cause()).isEqualTo(Cause.EVENT_LOOP);
        assertThat(u400.spread().throughputRps().median()).isEqualTo(1850);
        assertThat(u400.repeats()).hasSize(3);
    }

    @Test
    void theMedianRepeatOfAnEvenCountIsTheLowerMiddleOne() {
        Measurement low = measurement().throughput(1800).build();
        Measurement high = measurement().throughput(1900).build();
        Measurement mid = measurement().throughput(1850).build();

        assertThat(Analysis.medianRepeat(List.of(high, low))).isSameAs(low);
        assertThat(Analysis.medianRepeat(List.of(high, low, mid))).isSameAs(mid);
        assertThat(Analysis.medianRepeat(List.of(high))).isSameAs(high);
    }

    @Test
    void aColdVariantHasEveryStepMarkedCold() {
        Analysis.Context cold = new Analysis.Context(ladder(), 1, 200, "Tomcat", null, true, false, List.of());

        Analysis.Outcome o = analyse(cold, mvcLadder());

        assertThat(o.steps()).allSatisfy(s -> {
            assertThat(s.verdict().valid()).isFalse();
            assertThat(s.verdict().cold()).isTrue();
            assertThat(s.verdict().limitsEnforced()).isFalse();
            assertThat(s.verdict().reasons())
                    .contains("cold app: not warmed up to a stable state (no warm-up, or it never became stable)");
        });
    }

    @Test
    void anOpenStepThatFellBehindWithoutANamedCauseIsNotValid() {
        // WebFlux at 3,000 arrivals/s answering 2,000 rps at 0.5 of its CPU, no thread pool, nothing saturated
        List<Analysis.StepWindows> unexplained = List.of(
                step(closed(50), measurement().throughput(458).meanMs(109).build()),
                step(
                        open(3000),
                        measurement().throughput(2000).offered(3000.0).cpu(0.5).build()));
        List<Analysis.StepWindows> cpuBound = List.of(
                step(closed(50), measurement().throughput(458).meanMs(109).build()),
                step(
                        open(3000),
                        measurement().throughput(2000).offered(3000.0).cpu(0.96).build()));

        StepRun behind = stepNamed(analyse(context(ladder(), null), unexplained), "open3000");
        StepRun named = stepNamed(analyse(context(ladder(), null), cpuBound), "open3000");

        assertThat(behind.bottleneck().cause()).isEqualTo(Cause.UNEXPLAINED);
        assertThat(behind.verdict().valid()).isFalse();
        assertThat(behind.verdict().reasons())
                .containsExactly("fell behind the offered 3000/s (2000 rps) with no measured limit in the app");
        assertThat(named.bottleneck().cause()).isEqualTo(Cause.CPU);
        assertThat(named.verdict().valid()).isTrue();
    }

    @Test
    void aFailedLoadGeneratorInOneRepeatInvalidatesTheStep() {
        Measurement m = measurement().throughput(458).meanMs(109).build();
        Analysis.StepWindows failedOnce =
                new Analysis.StepWindows("u50", closed(50), List.of(m, m), List.of(false, true));

        StepRun u50 =
                analyse(context(ladder(), null), List.of(failedOnce)).steps().getFirst();

        assertThat(u50.verdict().reasons())
                .containsExactly("load generator failed (no usable Gatling results) (1 of 2 repeats)");
    }

    // ---- time series: slowdown and cold start

    private static final ScenarioSpec SLOWDOWN =
            spec("slowdown", "/api/io", 100, "open", List.of(new ScenarioSpec.Phase("slow downstream", 20, 20, 900)));

    /** The phase as it really happened: from 18 s to 38 s of the window (the ramp took 2 s). */
    private static final List<PhaseMark> SLOW_PHASE = List.of(new PhaseMark("slow downstream", 18, 38, 900));

    /**
     * MVC at 400 arrivals/s: p99 about 110 ms before the phase, climbing during it, back under
     * 1.5 x 110 = 165 ms from 41 s for one second (a blip), then for good from 43 s.
     */
    private static List<Measurement.SecondPoint> slowdownSeries() {
        List<Measurement.SecondPoint> series = new ArrayList<>();
        for (int t = 0; t < 60; t++) {
            double p99;
            if (t < 18) {
                p99 = 105 + (t % 3) * 5; // 105, 110, 115
            } else if (t < 38) {
                p99 = 1000 + (t - 18) * 500;
            } else {
                p99 = switch (t) {
                    case 38 -> 9000;
                    case 39 -> 5000;
                    case 40 -> 1000;
                    case 41 -> 140;
                    case 42 -> 170;
                    case 43 -> 150;
                    case 44 -> 160;
                    default -> 120;
                };
            }
            double inFlight = t < 18 ? 44 : t < 38 ? 200 + (t - 18) * 200 : Math.max(44, 4200 - (t - 38) * 1000);
            series.add(new Measurement.SecondPoint(
                    t, 400.0, 400.0, 100.0, p99, 0L, 0.2, 900.0, 230.0, null, inFlight, null, null, null, null, null));
        }
        return series;
    }

    @Test
    void theSlowdownTimelinePutsTheMeasuredQueueAndRecoveryBesideThePredictedOnes() {
        Analysis.StepWindows run = step(
                open(400),
                measurement()
                        .throughput(398)
                        .offered(400.0)
                        .threadsBusy(200.0)
                        .series(slowdownSeries())
                        .build());

        Analysis.Outcome o =
                analyse(new Analysis.Context(SLOWDOWN, 1, 200, "Tomcat", null, false, true, SLOW_PHASE), List.of(run));
        StepRun.Timeline t = o.steps().getFirst().timeline();

        assertThat(t.phases()).isEqualTo(SLOW_PHASE);
        assertThat(t.baselineP99Ms()).isEqualTo(110);
        assertThat(t.peakInFlight()).isEqualTo(4200);
        // during the phase 200 threads / (100 ms + 900 ms) = 200 rps: (400 - 200) x 20 s = 4,000 queued
        assertThat(t.predictedPeakQueue()).isCloseTo(4000, within(1e-6));
        // no ladder: the normal ceiling is 200 / 100 ms = 2,000 rps, draining 1,600 a second: 2.5 s
        assertThat(o.ceilings().threadCeilingRps()).isCloseTo(2000, within(1e-6));
        assertThat(t.predictedRecoverySeconds()).isCloseTo(2.5, within(1e-9));
        // back within 165 ms for 3 s in a row from 43 s: 5 s after the phase ended at 38 s
        assertThat(t.recoverySeconds()).isEqualTo(5);
        assertThat(t.steadyRps()).isNull();
        assertThat(t.secondsTo90Percent()).isNull();
    }

    @Test
    void withoutAThreadPoolTheSlowdownHasNoQueuePredictionButItsRecoveryIsMeasured() {
        Analysis.StepWindows run = step(
                open(400),
                measurement()
                        .throughput(400)
                        .offered(400.0)
                        .series(slowdownSeries())
                        .build());

        StepRun.Timeline t = analyse(
                        new Analysis.Context(SLOWDOWN, 1, null, "Tomcat", null, false, true, SLOW_PHASE), List.of(run))
                .steps()
                .getFirst()
                .timeline();

        assertThat(t.predictedPeakQueue()).isNull();
        assertThat(t.predictedRecoverySeconds()).isNull();
        assertThat(t.recoverySeconds()).isEqualTo(5);
    }

    @Test
    void anOpenRunWithoutALadderTakesNoCpuCeilingFromItsOwnStep() {
        // 0.95 cores for 350 rps would be a "ceiling" of 368 rps taken from the step itself
        Analysis.StepWindows run = step(
                open(400),
                measurement().throughput(350).offered(400.0).cpu(0.95).build());

        Analysis.Outcome o =
                analyse(new Analysis.Context(SLOWDOWN, 1, null, "Tomcat", null, false, true, SLOW_PHASE), List.of(run));
        StepRun.Prediction p = o.steps().getFirst().prediction();

        assertThat(o.ceilings().cpuCeilingRps()).isNull();
        assertThat(p.basis()).isEqualTo("offered");
        assertThat(p.predictedRps()).isEqualTo(400);
    }

    @Test
    void recoveryIsNullWhenTheP99NeverComesBack() {
        List<Measurement.SecondPoint> back = List.of(
                second(40, 400.0, 100.0),
                second(41, 400.0, 900.0),
                second(42, 400.0, 100.0),
                second(43, 400.0, 100.0),
                second(44, 400.0, 100.0));

        // 40 s alone is not 3 s in a row; from 42 s it is: 2 s after the phase ended
        assertThat(Analysis.recovery(back, 40, 100)).isEqualTo(2);
        assertThat(Analysis.recovery(back.subList(0, 4), 40, 100)).isNull();
        // seconds before the phase ended do not count
        assertThat(Analysis.recovery(back, 41.5, 100)).isCloseTo(0.5, within(1e-9));
        // seconds without a p99 (nothing completed) neither count nor break the run
        List<Measurement.SecondPoint> gap = List.of(
                second(40, 400.0, 100.0), second(41, null, null), second(42, 400.0, 100.0), second(43, 400.0, 100.0));
        assertThat(Analysis.recovery(gap, 40, 100)).isZero();
    }

    /** Cold start at 800 users: throughput climbing from 100 rps to a steady ~1,830 with one early spike. */
    private static List<Measurement.SecondPoint> coldStartSeries() {
        double[] rps = {
            100, 300, 600, 900, 1200, 1500, 1700, 1300, 1500, 1650, 1700, 1750, 1800, 1810, 1820, 1830, 1825, 1835,
            1830, 1828, 1830, 1832, 1829, 1831, 1830, 1827, 1833, 1830, 1829, 1831
        };
        List<Measurement.SecondPoint> series = new ArrayList<>();
        for (int t = 0; t < rps.length; t++) {
            series.add(second(t, rps[t], 0.9, 600.0));
        }
        return series;
    }

    @Test
    void coldStartTimeIsUntilThroughputFirstHolds90PercentOfItsSteadyValue() {
        ScenarioSpec coldstart = spec("coldstart", "/api/io", 100, "coldstart", List.of());
        Analysis.StepWindows run = step(
                closed(800),
                measurement()
                        .throughput(1600)
                        .meanMs(500)
                        .series(coldStartSeries())
                        .build());

        StepRun.Timeline t = analyse(context(coldstart, 200), List.of(run))
                .steps()
                .getFirst()
                .timeline();

        // the last third (t = 20..29) has a median of 1,830 rps; 90 % of it is 1,647
        assertThat(t.steadyRps()).isEqualTo(1830);
        // 1,700 at 6 s does not hold (1,300 next); 1,650 / 1,700 / 1,750 from 9 s do
        assertThat(t.secondsTo90Percent()).isEqualTo(9);
        assertThat(t.peakInFlight()).isEqualTo(600);
        assertThat(t.recoverySeconds()).isNull();
    }

    @Test
    void aRunOfOneStepTakesNoOverheadFromItsOwnQueueingStep() {
        // MVC at 800 users: a mean of 435 ms, most of it waiting for one of the 200 threads
        Analysis.StepWindows coldMvc = step(
                closed(800),
                measurement()
                        .throughput(1830)
                        .meanMs(435)
                        .cpu(0.37)
                        .threadsBusy(200.0)
                        .build());
        // c10k: 10,000 users on a 10 s delay, MVC's requests beyond its 200 threads time out after 30 s
        Analysis.StepWindows c10kMvc = step(
                closed(10_000),
                measurement()
                        .throughput(20)
                        .meanMs(29_000)
                        .cpu(0.01)
                        .threadsBusy(200.0)
                        .build());

        Analysis.Outcome cold =
                analyse(context(spec("coldstart", "/api/io", 100, "coldstart", List.of()), 200), List.of(coldMvc));
        Analysis.Outcome c10k =
                analyse(context(spec("c10k", "/api/io", 10_000, "c10k", List.of()), 200), List.of(c10kMvc));

        // 200 threads / 100 ms, not 200 / 435 ms = 460 rps
        assertThat(cold.ceilings().perRequestOverheadMs()).isNull();
        assertThat(cold.ceilings().threadCeilingRps()).isCloseTo(2000, within(1e-6));
        assertThat(cold.steps().getFirst().prediction().basis()).isEqualTo("threads");
        assertThat(cold.steps().getFirst().prediction().measuredOverPredicted()).isCloseTo(0.915, within(1e-9));
        // 200 threads / 10 s = 20 rps, not 200 / 29 s = 6.9 rps
        assertThat(c10k.ceilings().threadCeilingRps()).isCloseTo(20, within(1e-9));
    }

    @Test
    void stepsOfOtherScenariosHaveNoTimeline() {
        assertThat(analyse(context(ladder(), 200), mvcLadder()).steps())
                .allSatisfy(s -> assertThat(s.timeline()).isNull());
    }

    @Test
    void theMedianLeavesUnknownValuesOut() {
        assertThat(Analysis.median(java.util.Arrays.asList(3.0, null, 1.0, Double.NaN, 2.0)))
                .isEqualTo(2);
        assertThat(Analysis.median(java.util.Arrays.asList(null, Double.NaN))).isNull();
        assertThat(Analysis.firstHeld(coldStartSeries(), null)).isNull();
    }
}
