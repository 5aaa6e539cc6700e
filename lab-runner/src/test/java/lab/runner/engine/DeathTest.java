package lab.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeathTest {

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
}
