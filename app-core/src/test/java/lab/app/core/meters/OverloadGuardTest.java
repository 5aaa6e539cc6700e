package lab.app.core.meters;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import lab.app.core.downstream.DownstreamOutcome;
import org.junit.jupiter.api.Test;

class OverloadGuardTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shedsAboveTheLimitAndCountsIt() {
        OverloadGuard guard = new OverloadGuard(2, "mvc", registry);
        assertThat(guard.tryEnter()).isTrue();
        assertThat(guard.tryEnter()).isTrue();
        assertThat(guard.tryEnter()).isFalse();
        assertThat(registry.get(LabMeters.IN_PROGRESS).tag("app", "mvc").gauge().value())
                .isEqualTo(2);
        assertThat(registry.get(LabMeters.SHED).counter().count()).isEqualTo(1);

        guard.exit();
        assertThat(guard.tryEnter()).isTrue();
        assertThat(guard.inProgress()).isEqualTo(2);
    }

    @Test
    void countsDownstreamCallsByOutcome() {
        LabMeters meters = new LabMeters(registry);
        meters.downstreamCall(DownstreamOutcome.TIMEOUT);
        meters.downstreamCall(DownstreamOutcome.TIMEOUT);
        assertThat(registry.get(LabMeters.DOWNSTREAM_CALLS)
                        .tag("outcome", "timeout")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get(LabMeters.DOWNSTREAM_CALLS)
                        .tag("outcome", "success")
                        .counter()
                        .count())
                .isZero();
    }
}
