package lab.report;

import java.util.Map;

/** One variant holding thousands of requests in flight at once (the c10k scenario). */
record C10kRun(
        String name,
        Integer inFlight,
        Long ok,
        Long ko,
        Map<String, Long> errors,
        Double p99Ms,
        Integer threadsLive,
        Double rssMiB,
        Double threadStackReservedMiB,
        Double threadStackCommittedMiB,
        Double contextSwitchesPerRequest,
        Boolean valid,
        String invalidReason,
        String error) {

    C10kRun {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    boolean isValid() {
        return !Boolean.FALSE.equals(valid) && error == null;
    }

    long errorCount() {
        if (ko != null) {
            return ko;
        }
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
