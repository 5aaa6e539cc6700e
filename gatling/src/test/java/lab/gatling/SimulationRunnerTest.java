package lab.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SimulationRunnerTest {

    /**
     * Gatling stops Logback at the end of every run (Gatling.start's finally block). A stopped
     * context leaves the root logger at DEBUG with no appender, so the next run in the same JVM
     * would format a DEBUG message per request for nobody: the runner starts it again.
     */
    @Test
    void loggingIsBackAtItsConfiguredLevelAfterGatlingStopsIt() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.isDebugEnabled()).isFalse();

        context.stop(); // what Gatling does when a run ends
        assertThat(root.isDebugEnabled()).as("what the next run would get").isTrue();
        SimulationRunner.restartLogging();

        assertThat(context.isStarted()).isTrue();
        assertThat(root.isDebugEnabled()).isFalse();
        assertThat(root.iteratorForAppenders().hasNext()).isTrue();
    }
}
