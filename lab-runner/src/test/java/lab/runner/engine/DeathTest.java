package lab.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import lab.runner.sampling.CgroupReading;
import lab.runner.sampling.ProcStats;
import lab.runner.sampling.Sample;
import lab.runner.sampling.Scrape;
import org.junit.jupiter.api.Test;

class DeathTest {

    private static final ProcStats RUNNING = new ProcStats(30, 200_000, 1.0, 0, 0);
    private static final long RAMP_START = 1_000_000;

    @Test
    void aThreadJavaCouldNotCreateIsToldApartFromAFullHeap() {
        // the lines HotSpot writes with -XX:+ExitOnOutOfMemoryError when pthread_create fails
        String log = "[12.3s][warning][os,thread] Failed to start thread \"Unknown thread\" - pthread_create failed"
                + " (EAGAIN) for attributes: stacksize: 1024k, guardsize: 0k, detached.\n"
                + "Terminating due to java.lang.OutOfMemoryError: unable to create native thread: possibly out of"
                + " memory or process/resource limits reached\n";

        Death death = Death.fromLog(log, 3);

        assertThat(death.kind()).isEqualTo("no-native-thread");
        assertThat(death.words()).startsWith("could not create another thread");
    }

    @Test
    void aFullHeapIsAnOutOfMemoryError() {
        Death death = Death.fromLog("Terminating due to java.lang.OutOfMemoryError: Java heap space\n", 3);

        assertThat(death).isEqualTo(new Death("out-of-memory", "died of OutOfMemoryError"));
    }

    @Test
    void anyOtherExitGivesItsCode() {
        assertThat(Death.fromLog("Started MvcApplication\n", 143))
                .isEqualTo(new Death("exited", "exited with code 143"));
    }

    @Test
    void aDeathInTheRampSaysHowManyUsersHadSentTheirRequestBetweenTheLastTwoSamples() {
        // alive at 4 s, gone at 5 s of a 10 s ramp to 9,700 users
        List<Sample> samples = samples(4, 5, "lab_requests_in_progress 3100\n");

        assertThat(Death.diedAt(samples)).isEqualTo(RAMP_START + 5_000);
        assertThat(Death.inRamp(samples, 9_700, RAMP_START, 10))
                .isEqualTo(", 5 s into its 10 s ramp (3,880–4,850 users had sent their request)");
        assertThat(Death.lastReadings(samples, RAMP_START))
                .isEqualTo(" (3,100 in flight in the app; 30 OS threads, RSS 195 MiB)");
    }

    @Test
    void aDeathAfterTheRampAddsNothingToTheStep() {
        List<Sample> samples = samples(14, 15, "lab_requests_in_progress 9700\n");

        assertThat(Death.inRamp(samples, 9_700, RAMP_START, 10)).isEmpty();
        assertThat(Death.inRamp(samples(3, 4, ""), 9_700, RAMP_START, 0)).isEmpty();
    }

    @Test
    void anInFlightReadingFromBeforeTheAppStoppedAnsweringSaysHowOldItIs() {
        List<Sample> samples = new ArrayList<>(samples(5, 6, ""));
        samples.set(2, alive(RAMP_START + 2_000, "lab_requests_in_progress 66\n"));
        // the JVM spent its last seconds in GC: the scrapes of seconds 3 to 5 failed
        samples.replaceAll(s -> s.epochMs() > RAMP_START + 2_000 && s.app() != null ? failedScrape(s.epochMs()) : s);

        assertThat(Death.lastReadings(samples, RAMP_START))
                .startsWith(" (66 in flight in the app at its last answered scrape, 4 s before; 30 OS threads");
        assertThat(Death.lastReadings(samples, RAMP_START + 3_000)).isEqualTo(" (30 OS threads, RSS 195 MiB)");
    }

    @Test
    void theCgroupsMemoryPeakBeforeTheDeathIsGivenAgainstTheLimit() {
        List<Sample> samples = new ArrayList<>(samples(3, 4, "lab_requests_in_progress 2400\n"));
        for (int t = 0; t <= 3; t++) {
            Sample s = samples.get(t);
            samples.set(
                    t,
                    new Sample(
                            s.epochMs(),
                            s.scrape(),
                            false,
                            s.scrapedAtMs(),
                            s.app(),
                            s.stub(),
                            s.loadGen(),
                            0.5,
                            null,
                            new CgroupReading(10, 10, 0.2, 300 + 40 * t - (t == 3 ? 100 : 0), 448, 0)));
        }

        assertThat(Death.lastReadings(samples, RAMP_START))
                .isEqualTo(
                        " (2,400 in flight in the app; 30 OS threads, RSS 195 MiB; cgroup memory up to 380 of 448 MiB)");
    }

    @Test
    void anExitingProcessWithNoResidentMemoryIsAlreadyGone() {
        List<Sample> samples = new ArrayList<>(samples(4, 6, "lab_requests_in_progress 121\n"));
        // what /proc showed of the JVM tearing down between the two: 2 threads, nothing resident
        samples.add(
                5,
                new Sample(
                        RAMP_START + 5_000,
                        Scrape.EMPTY,
                        true,
                        -1,
                        new ProcStats(2, 0, 1.0, 0, 0),
                        RUNNING,
                        RUNNING,
                        0,
                        null,
                        null));

        assertThat(Death.diedAt(samples)).isEqualTo(RAMP_START + 5_000);
        assertThat(Death.lastReadings(samples, RAMP_START))
                .isEqualTo(" (121 in flight in the app; 30 OS threads, RSS 195 MiB)");
    }

    @Test
    void anAppThatIsStillAliveHasNoDeathTime() {
        assertThat(Death.diedAt(List.of(alive(RAMP_START, "")))).isEqualTo(Long.MAX_VALUE);
    }

    /** One sample a second from the ramp's start: alive up to {@code lastAlive} s, gone from {@code gone} s. */
    private static List<Sample> samples(int lastAlive, int gone, String lastScrape) {
        List<Sample> samples = new ArrayList<>();
        for (int t = 0; t <= lastAlive; t++) {
            samples.add(alive(RAMP_START + t * 1000L, t == lastAlive ? lastScrape : "lab_requests_in_progress 1\n"));
        }
        for (int t = gone; t <= gone + 2; t++) {
            samples.add(
                    new Sample(RAMP_START + t * 1000L, Scrape.EMPTY, true, -1, null, RUNNING, RUNNING, 0, null, null));
        }
        return samples;
    }

    private static Sample alive(long at, String scrape) {
        return new Sample(at, Scrape.parse(scrape), false, at, RUNNING, RUNNING, RUNNING, 0.5, null, null);
    }

    private static Sample failedScrape(long at) {
        return new Sample(at, Scrape.EMPTY, true, -1, RUNNING, RUNNING, RUNNING, 0.5, null, null);
    }
}
