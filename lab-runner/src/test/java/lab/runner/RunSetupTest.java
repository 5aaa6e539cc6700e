package lab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import lab.runrecord.ScenarioSpec;
import lab.scenario.Catalogue;
import org.junit.jupiter.api.Test;

class RunSetupTest {

    private static ScenarioSpec entry(String name) {
        return Catalogue.load(EndToEndRunTest.ROOT).resolve(name, EndToEndRunTest.ROOT);
    }

    @Test
    void everyAppGetsTheSameHeapAndC10kADoubleOne() {
        assertThat(RunSetup.decide(EndToEndRunTest.ROOT, entry("ladder"), null, null, null, null, null)
                        .appFlags())
                .contains("-Xms1024m", "-Xmx1024m");
        // ~10,000 requests held on virtual threads' heap: 1 GiB ran out at 5,400 in flight
        assertThat(RunSetup.decide(EndToEndRunTest.ROOT, entry("c10k"), null, null, null, null, null)
                        .appFlags())
                .contains("-Xms2048m", "-Xmx2048m");
        assertThat(RunSetup.decide(EndToEndRunTest.ROOT, entry("c10k"), null, 512, null, null, null)
                        .appFlags())
                .contains("-Xmx512m");
    }
}
