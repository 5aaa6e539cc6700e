package lab.runner.engine;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import lab.runrecord.ScenarioSpec;
import lab.runrecord.StepRun;

/**
 * Plays a scenario's phases on the stub during a run (extra latency on, then off) and remembers
 * when each change really took effect, so the report draws them where they happened.
 */
final class PhaseClock {

    private final List<ScenarioSpec.Phase> phases;
    private final StubAdmin stub;
    private final ScheduledExecutorService timer;
    private final List<ScheduledFuture<?>> pending = new ArrayList<>();
    private final Map<String, long[]> applied = new ConcurrentHashMap<>();
    private volatile boolean changed;

    PhaseClock(List<ScenarioSpec.Phase> phases, StubAdmin stub, ScheduledExecutorService timer) {
        this.phases = phases;
        this.stub = stub;
        this.timer = timer;
    }

    /** Schedules every phase, counting its {@code atSecond} from {@code loadStartMs}. */
    void schedule(long loadStartMs) {
        long now = System.currentTimeMillis();
        for (ScenarioSpec.Phase p : phases) {
            long[] when = {-1, -1};
            applied.put(p.name(), when);
            long on = loadStartMs + p.atSecond() * 1000L - now;
            long off = on + p.seconds() * 1000L;
            pending.add(timer.schedule(() -> set(p.extraLatencyMs(), when, 0), Math.max(0, on), TimeUnit.MILLISECONDS));
            pending.add(timer.schedule(() -> set(0, when, 1), Math.max(0, off), TimeUnit.MILLISECONDS));
        }
    }

    private void set(int extraLatencyMs, long[] when, int index) {
        try {
            if (extraLatencyMs > 0) {
                stub.extraLatency(extraLatencyMs);
                changed = true;
            } else {
                stub.clear();
            }
            when[index] = System.currentTimeMillis();
        } catch (IOException e) {
            // the mark stays unset: the report then shows the phase as not applied
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Cancels what has not happened yet and puts the stub back to normal if anything changed it. */
    void clear() throws InterruptedException {
        pending.forEach(f -> f.cancel(false));
        if (changed) {
            try {
                stub.clear();
            } catch (IOException e) {
                // the next run's stub is the same process: say so loudly rather than measure a slow stub
                throw new IllegalStateException("could not reset the stub's faults: " + e.getMessage(), e);
            }
        }
    }

    /** The phases as they really happened, in seconds from {@code windowStart}. */
    List<StepRun.Timeline.PhaseMark> marks(Instant windowStart) {
        List<StepRun.Timeline.PhaseMark> marks = new ArrayList<>();
        for (ScenarioSpec.Phase p : phases) {
            long[] when = applied.get(p.name());
            if (when == null || when[0] < 0) {
                continue;
            }
            double start = (when[0] - windowStart.toEpochMilli()) / 1000.0;
            double end = when[1] < 0 ? start + p.seconds() : (when[1] - windowStart.toEpochMilli()) / 1000.0;
            marks.add(new StepRun.Timeline.PhaseMark(p.name(), start, end, p.extraLatencyMs()));
        }
        return marks;
    }
}
