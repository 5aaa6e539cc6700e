package lab.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import lab.contract.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The core claim (foundation item 7), measured on the real jars: 16 concurrent requests that each
 * wait 300 ms downstream take about four waves (16 / 4 threads) on MVC with 4 Tomcat threads, but
 * about one wave on WebFlux's event loop and on MVC with virtual threads.
 *
 * <p>Each variant runs {@link #BATCHES} batches and keeps its fastest: the machine is shared, and
 * the minimum filters out time lost to other processes, while MVC's four waves are a floor no
 * amount of luck can lower. Only ratios are asserted, never absolute times.
 */
@ExtendWith(FleetExtension.class)
class CoreClaimTest {

    private static final int BATCHES = 5;
    /** Expected about 4 (four waves against one); 3 leaves room for noise. */
    private static final double MIN_RATIO = 3.0;

    private static final Pattern TOMCAT_WORKER = Pattern.compile("http-nio-.+-exec-\\d+");

    @Test
    void fewTomcatThreadsServeConcurrentSlowCallsInWavesWhileEventLoopAndVirtualThreadsDoNot(Fleet fleet) {
        Duration mvc = fastestBatch(fleet.baseUrl(FleetApp.MVC_4_THREADS));
        Duration webflux = fastestBatch(fleet.baseUrl(FleetApp.WEBFLUX));
        Duration virtual = fastestBatch(fleet.baseUrl(FleetApp.MVC_VT));

        System.out.printf(
                "core claim: %d x %d ms: mvc(%d threads) %d ms, webflux %d ms, mvc-vt %d ms%n",
                CoreClaim.CONCURRENCY,
                CoreClaim.DELAY_MS,
                CoreClaim.MVC_THREADS,
                mvc.toMillis(),
                webflux.toMillis(),
                virtual.toMillis());
        assertThat((double) mvc.toNanos() / webflux.toNanos())
                .as("mvc %s vs webflux %s", mvc, webflux)
                .isGreaterThanOrEqualTo(MIN_RATIO);
        assertThat((double) mvc.toNanos() / virtual.toNanos())
                .as("mvc %s vs mvc-vt %s", mvc, virtual)
                .isGreaterThanOrEqualTo(MIN_RATIO);
    }

    @Test
    void mvcServesEveryRequestOnAtMostItsFourTomcatThreads(Fleet fleet) {
        String baseUrl = fleet.baseUrl(FleetApp.MVC_4_THREADS);
        CoreClaim.warmUp(baseUrl);

        CoreClaim.Batch batch = CoreClaim.run(baseUrl, CoreClaim.DELAY_MS);

        Set<String> threads = batch.responses().stream()
                .map(response -> Golden.parse(response.body()).get("thread").asString())
                .collect(Collectors.toSet());
        assertThat(threads)
                .allMatch(name -> TOMCAT_WORKER.matcher(name).matches())
                .hasSizeLessThanOrEqualTo(CoreClaim.MVC_THREADS);
    }

    @Test
    void virtualThreadsAndTheEventLoopSayWhatServedThem(Fleet fleet) {
        CoreClaim.Batch virtual = CoreClaim.run(fleet.baseUrl(FleetApp.MVC_VT), CoreClaim.WARM_UP_DELAY_MS);
        CoreClaim.Batch webflux = CoreClaim.run(fleet.baseUrl(FleetApp.WEBFLUX), CoreClaim.WARM_UP_DELAY_MS);

        assertThat(virtual.responses())
                .allSatisfy(
                        r -> assertThat(Golden.parse(r.body()).get("virtual").asBoolean())
                                .isTrue());
        assertThat(webflux.responses())
                .allSatisfy(
                        r -> assertThat(Golden.parse(r.body()).get("virtual").asBoolean())
                                .isFalse());
    }

    private static Duration fastestBatch(String baseUrl) {
        CoreClaim.warmUp(baseUrl);
        return IntStream.range(0, BATCHES)
                .mapToObj(i -> CoreClaim.run(baseUrl, CoreClaim.DELAY_MS))
                .peek(CoreClaimTest::assertAllOk)
                .map(CoreClaim.Batch::wallTime)
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }

    private static void assertAllOk(CoreClaim.Batch batch) {
        assertThat(batch.responses()).extracting(HttpResponse::statusCode).containsOnly(200);
    }
}
