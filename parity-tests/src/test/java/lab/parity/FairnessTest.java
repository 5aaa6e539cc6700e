package lab.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fairness (foundation item 8): the three variants, started from their jars with identical JVM
 * flags against one stub, report identical settings in {@code /actuator/info} → {@code lab},
 * except what the concurrency model itself changes.
 */
@ExtendWith(FleetExtension.class)
class FairnessTest {

    /** The one setting {@link FleetApp#MVC_OTHER_TIMEOUT} changes; the default is 12 s. */
    static final String OTHER_RESPONSE_TIMEOUT = "3s";

    private static final String OTHER_RESPONSE_TIMEOUT_ISO = "PT3S";
    private static final String SETTINGS_RESPONSE_TIMEOUT = "settings.downstream.responseTimeout";

    /**
     * The keys that may differ, each with the reason the concurrency model (and the server or client
     * that comes with it) forces it; everything else must be equal: every {@code lab.*} setting, the
     * server's connection cap, backlog, timeouts, keep-alive and header limits and per-request meters,
     * the client's pool, pending limit, timeouts and meters, and what the JVM derived (CPUs, heap, GC).
     * A key matches an entry equal to it or below it ({@code server.extraHandlers[0]}).
     */
    static final Map<String, String> FORCED_BY_THE_MODEL = Map.ofEntries(
            Map.entry("app", "mvc-app or webflux-app: the app under test"),
            Map.entry("model", "thread-per-request, virtual-threads or event-loop: the variable under test"),
            Map.entry("server.engine", "Spring MVC runs on Tomcat, Spring WebFlux on Reactor Netty"),
            Map.entry("server.maxThreads", "Tomcat's worker pool vs the event loop: the variable under test"),
            Map.entry("server.virtualThreads", "the mvc-vt variant itself"),
            Map.entry(
                    "server.atMaxConnections",
                    "at the same cap, Tomcat stops accepting (the kernel queues) and Reactor Netty closes"),
            Map.entry(
                    "server.headerTimeout",
                    "Tomcat has only a timeout between two bytes; Reactor Netty gets a total deadline"),
            Map.entry(
                    "server.extraHandlers",
                    "each engine needs its own hook to answer unparseable requests like the other"),
            Map.entry("client.library", "a blocking HttpClient 5 vs Reactor Netty's non-blocking client"),
            Map.entry("fanout", "an executor thread per call vs Flux.merge on the event loop"),
            Map.entry("runtime.tomcatMaxThreads", "the model's own sizing: Tomcat's workers"),
            Map.entry("runtime.eventLoopThreads", "the model's own sizing: event-loop threads"),
            Map.entry("runtime.virtualThreadParallelism", "the model's own sizing: virtual-thread carriers"));

    static final Predicate<String> MODEL_SPECIFIC = key -> FORCED_BY_THE_MODEL.keySet().stream()
            .anyMatch(exempt -> key.equals(exempt) || key.startsWith(exempt + ".") || key.startsWith(exempt + "["));

    private static final Pattern RESPONSE_TIMEOUT_KEY = Pattern.compile("(?i).*response.?timeout.*");
    /** Fewer keys than this means the section lost the settings and the comparison proves little. */
    private static final int MIN_COMPARED_KEYS = 30;

    @Test
    void theThreeVariantsDifferOnlyInTheirConcurrencyModel(Fleet fleet) {
        Map<String, String> mvc = LabInfo.of(fleet.baseUrl(FleetApp.MVC));
        Map<String, String> virtual = LabInfo.of(fleet.baseUrl(FleetApp.MVC_VT));
        Map<String, String> webflux = LabInfo.of(fleet.baseUrl(FleetApp.WEBFLUX));

        assertThat(SettingsComparison.differences(mvc, webflux, MODEL_SPECIFIC))
                .as("mvc vs webflux")
                .isEmpty();
        assertThat(SettingsComparison.differences(mvc, virtual, MODEL_SPECIFIC))
                .as("mvc vs mvc-vt")
                .isEmpty();
    }

    @Test
    void theComparisonCoversTheSettingsThatFairnessDependsOn(Fleet fleet) {
        Map<String, String> mvc = LabInfo.of(fleet.baseUrl(FleetApp.MVC));

        assertThat(mvc.keySet().stream().filter(MODEL_SPECIFIC.negate()))
                .hasSizeGreaterThanOrEqualTo(MIN_COMPARED_KEYS);
        assertThat(mvc)
                .as("every app calls the stub the fleet started")
                .containsValue(fleet.stub().baseUrl());
        assertThat(mvc)
                .containsKeys(
                        SETTINGS_RESPONSE_TIMEOUT,
                        "runtime.heapMaxBytes",
                        "runtime.availableProcessors",
                        "runtime.gc[0]",
                        "server.maxConnections",
                        "server.acceptCount",
                        "server.keepAliveTimeout",
                        "server.requestMeters[0]",
                        "client.pendingAcquireMax",
                        "client.maxIdleTime");
    }

    /** An exemption no variant needs any more is a difference that could hide: each must still be used. */
    @Test
    void everyExemptionCoversARealDifference(Fleet fleet) {
        Map<String, String> mvc = LabInfo.of(fleet.baseUrl(FleetApp.MVC));
        Map<String, String> virtual = LabInfo.of(fleet.baseUrl(FleetApp.MVC_VT));
        Map<String, String> webflux = LabInfo.of(fleet.baseUrl(FleetApp.WEBFLUX));
        List<String> differing = new java.util.ArrayList<>();
        differing.addAll(SettingsComparison.differences(mvc, webflux, key -> false).stream()
                .map(SettingsComparison.Difference::key)
                .toList());
        differing.addAll(SettingsComparison.differences(mvc, virtual, key -> false).stream()
                .map(SettingsComparison.Difference::key)
                .toList());

        assertThat(FORCED_BY_THE_MODEL.keySet())
                .allSatisfy(exempt -> assertThat(differing)
                        .as("keys under %s that differ between variants", exempt)
                        .anyMatch(key -> MODEL_SPECIFIC.test(key) && (key.equals(exempt) || key.startsWith(exempt))));
    }

    @Test
    void eachVariantNamesItsAppAndModel(Fleet fleet) {
        assertThat(LabInfo.of(fleet.baseUrl(FleetApp.MVC)))
                .containsEntry("app", "mvc")
                .containsEntry("model", "thread-per-request");
        assertThat(LabInfo.of(fleet.baseUrl(FleetApp.MVC_VT)))
                .containsEntry("app", "mvc")
                .containsEntry("model", "virtual-threads");
        assertThat(LabInfo.of(fleet.baseUrl(FleetApp.WEBFLUX)))
                .containsEntry("app", "webflux")
                .containsEntry("model", "event-loop");
    }

    @Test
    void aDifferentResponseTimeoutIsReportedAndNothingElse(Fleet fleet) {
        Map<String, String> mvc = LabInfo.of(fleet.baseUrl(FleetApp.MVC));
        Map<String, String> other = LabInfo.of(fleet.baseUrl(FleetApp.MVC_OTHER_TIMEOUT));

        List<SettingsComparison.Difference> differences = SettingsComparison.differences(mvc, other, MODEL_SPECIFIC);

        assertThat(differences)
                .extracting(SettingsComparison.Difference::key)
                .contains(SETTINGS_RESPONSE_TIMEOUT)
                .allMatch(key -> RESPONSE_TIMEOUT_KEY.matcher(key).matches());
        assertThat(differences).allSatisfy(difference -> {
            assertThat(difference.left()).isNotNull().isNotEqualTo(difference.right());
            assertThat(difference.right()).isEqualTo(OTHER_RESPONSE_TIMEOUT_ISO);
        });
    }

    @Test
    void aKeyMissingOnOneSideIsADifference() {
        Map<String, String> left = Map.of("settings.a", "1", "settings.b", "2");
        Map<String, String> right = Map.of("settings.a", "1");

        assertThat(SettingsComparison.differences(left, right, MODEL_SPECIFIC))
                .containsExactly(new SettingsComparison.Difference("settings.b", "2", null));
    }
}
