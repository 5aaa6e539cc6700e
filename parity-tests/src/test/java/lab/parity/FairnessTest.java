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
     * Keys that differ by design, each because of the concurrency model under test; everything else
     * ({@code settings.*} = all {@code lab.*} settings, {@code jvm.*} = heap max, CPUs, version, and
     * the client's pool size and timeouts) must be equal.
     */
    static final Predicate<String> MODEL_SPECIFIC = key -> key.equals("app")
            || key.equals("model")
            // Tomcat's worker pool vs the event loop: the variable under test
            || key.startsWith("server.")
            // a task-executor thread per call vs Flux.merge on the event loop
            || key.startsWith("fanout.")
            // Apache HttpClient 5 vs Reactor Netty
            || key.equals("client.library")
            // HC5's pool has no bound on waiting leases (shown as "unbounded"); the setting itself is compared
            || key.equals("client.pendingAcquireMax");

    private static final Pattern RESPONSE_TIMEOUT_KEY = Pattern.compile("(?i).*response.?timeout.*");
    /** Fewer keys than this means the section lost the settings and the comparison proves little. */
    private static final int MIN_COMPARED_KEYS = 10;

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
        assertThat(mvc).containsKeys(SETTINGS_RESPONSE_TIMEOUT, "jvm.heapMaxBytes", "jvm.availableProcessors");
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
