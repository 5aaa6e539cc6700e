package lab.report;

import static lab.report.Fixtures.invalid;
import static lab.report.Fixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NarrativeTest {

    private static Narrative.Reading read(Results results) {
        return new Narrative(results, ReportThresholds.DEFAULTS).read();
    }

    private static String lineAbout(List<String> lines, String prefix) {
        return lines.stream()
                .filter(line -> line.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in " + lines));
    }

    @Test
    void fixtureMvcCeilingIsItsThreadPoolReachedAt200Users() {
        String mvc = lineAbout(read(Fixtures.fixture()).findings(), "mvc reached");

        // Plateau from 200 users (1,880 -> 1,902 rps while users doubled); best valid rps 1,905.3.
        assertThat(mvc)
                .contains("ceiling of 1,905 rps at 200 users")
                // 200 threads / (50 users / 473.2 rps = 0.106 s) = 1,893 rps
                .contains("thread pool (200 threads / 0.106 s per request = 1,893 rps)");
    }

    @Test
    void fixtureWebfluxCeilingIsCpuAndComparedWithTheFirstVariant() {
        String webflux = lineAbout(read(Fixtures.fixture()).findings(), "webflux reached");

        // 8,480.4 / 1,905.3 = 4.45; the invalid 3,200-user step is ignored.
        assertThat(webflux)
                .contains("ceiling of 8,480 rps at 1,600 users", "4.5× mvc", "limited by CPU (0.95 cores of 1)");
    }

    @Test
    void fixtureVirtualThreadsReachTheirCeilingAt800Users() {
        String vt = lineAbout(read(Fixtures.fixture()).findings(), "mvc-vt reached");

        // 4,951 is within 5 % of the best, 5,023.9: the ceiling was reached at 800 users.
        assertThat(vt)
                .contains("ceiling of 5,024 rps at 800 users", "2.6× mvc", "CPU (0.98 cores of 1)")
                .doesNotContain("thread pool");
    }

    @Test
    void latencyPastTheCeilingIsComparedWithUsersOverCeiling() {
        String queueing = lineAbout(read(Fixtures.fixture()).findings(), "Beyond it mvc's");

        assertThat(queueing).contains("at 3,200 users p50 was 1.69 s (3,200 / 1,905 rps = 1.68 s) and p99 1.80 s");
    }

    @Test
    void queueingInvisibleToTheServerTimerIsCalledOut() {
        String hidden = lineAbout(read(Fixtures.fixture()).findings(), "At 3,200 users mvc's own timer");

        assertThat(hidden).contains("mean of 106 ms", "Gatling saw 1.69 s");
    }

    @Test
    void invalidStepsBecomeWarningsWithTheirReason() {
        assertThat(read(Fixtures.fixture()).warnings())
                .containsExactly("webflux at 3,200 users is not trustworthy and is left out of the reading: "
                        + "load generator saturated: Gatling used 0.99 of its 1 CPU (limit 0.95)");
    }

    @Test
    void errorsOpenModelAndC10kAreRead() {
        List<String> findings = read(Fixtures.fixture()).findings();

        assertThat(lineAbout(findings, "mvc-vt had errors"))
                .contains("44 at 3,200 users", "41 × status.find.in(200..399), but actually found 504");
        assertThat(lineAbout(findings, "Open model"))
                .contains("mvc achieved 1,904 rps of 2,500 req/s offered, p99 9.31 s (it cannot keep up")
                .contains("webflux achieved 2,499 rps of 2,500 req/s offered, p99 122 ms");
        assertThat(lineAbout(findings, "c10k, 10,000 requests in flight"))
                .contains("mvc-10k ran 10,031 threads", "reserved 10,061 MiB", "10,000 MiB", "committed only 171 MiB");
    }

    @Test
    void ceilingIsFoundFromTheNumbersNotTheNames() {
        Results results = Fixtures.run()
                .variant(
                        "first",
                        null,
                        step(100, 1000, 0.2),
                        step(200, 2000, 0.4),
                        step(400, 2100, 0.5),
                        step(800, 2080, 0.5))
                .variant(
                        "second",
                        null,
                        step(100, 1000, 0.1),
                        step(200, 1990, 0.2),
                        step(400, 3900, 0.5),
                        step(800, 7000, 0.9),
                        step(1600, 7300, 0.96))
                .results();

        List<String> findings = read(results).findings();

        assertThat(lineAbout(findings, "first reached"))
                .contains("ceiling of 2,100 rps at 200 users")
                .contains("neither its thread pool nor CPU (0.50 cores of 1)");
        // 7,000 is within 5 % of the best, 7,300: reached at 800 users.
        assertThat(lineAbout(findings, "second reached"))
                .contains("ceiling of 7,300 rps at 800 users", "3.5× first", "limited by CPU (0.96 cores of 1)");
    }

    @Test
    void aVariantThatKeepsScalingHasNoCeiling() {
        Results results = Fixtures.run()
                .variant("linear", null, step(100, 990, 0.1), step(200, 1980, 0.2), step(400, 3950, 0.4))
                .results();

        assertThat(read(results).findings())
                .first()
                .asString()
                .isEqualTo("linear kept scaling: 3,950 rps at 400 users, 99 % of Little's law (400 users / 0.100 s);"
                        + " no ceiling within this ladder.");
    }

    @Test
    void anInvalidStepNeverSetsTheCeiling() {
        Results results = Fixtures.run()
                .variant(
                        "pool",
                        200,
                        step(100, 950, 0.1),
                        step(200, 1900, 0.2),
                        step(400, 1905, 0.2),
                        invalid(800, 4000, 0.2, "stub saturated"))
                .results();

        Narrative.Reading reading = read(results);

        assertThat(reading.findings().getFirst()).contains("ceiling of 1,905 rps at 200 users", "thread pool");
        assertThat(reading.warnings()).singleElement().asString().contains("at 800 users", "stub saturated");
    }

    @Test
    void oneValidStepIsTooFewToJudge() {
        Results results = Fixtures.run()
                .variant("short", null, step(50, 480, 0.1), invalid(100, 700, 0.2, "cold JVM"))
                .results();

        assertThat(read(results).findings())
                .first()
                .asString()
                .isEqualTo("short: only one valid step (480 rps at 50 users), too few to look for a ceiling.");
    }

    @Test
    void aVariantWithoutValidStepsIsSaidSo() {
        Results results = Fixtures.run()
                .variant("cold", null, invalid(50, 480, 0.1, "cold JVM"), invalid(100, 700, 0.2, "stub slow"))
                .results();

        assertThat(read(results).findings())
                .containsExactly("cold: no valid step, so nothing to read from its ladder.");
    }

    @Test
    void theServerThreadPoolIsPreferredOverOtherPoolsInTheSettings() {
        Variant variant = ResultsReader.fromTree(ResultsReader.MAPPER.readTree("""
        {"variants":[{"name":"mvc","settings":{"model":"thread-per-request",
          "fanout":{"maxThreads":256},"server":{"maxThreads":200,"virtualThreads":false}}}]}
        """))
                .variants()
                .getFirst();

        assertThat(variant.threadPoolSize()).contains(200);
    }

    @Test
    void aMissingReasonIsSaidSo() {
        Results results = ResultsReader.fromTree(ResultsReader.MAPPER.readTree(
                "{\"variants\":[{\"name\":\"x\",\"steps\":[{\"users\":10,\"throughputRps\":95,\"valid\":false}]}]}"));

        assertThat(read(results).warnings())
                .containsExactly("x at 10 users is not trustworthy and is left out of the reading: no reason given");
    }
}
