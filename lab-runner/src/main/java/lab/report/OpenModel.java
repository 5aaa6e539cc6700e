package lab.report;

import java.util.Map;

/** The open-model (arrival-rate) step of one variant: requests arrive at {@code rate} whatever happens. */
record OpenModel(
        Double rate,
        Integer durationSeconds,
        Double throughputRps,
        Double meanMs,
        Double p50Ms,
        Double p95Ms,
        Double p99Ms,
        Double maxMs,
        Long ok,
        Long ko,
        Map<String, Long> errors,
        Boolean valid,
        String invalidReason) {

    OpenModel {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    boolean isValid() {
        return !Boolean.FALSE.equals(valid);
    }

    long errorCount() {
        if (ko != null) {
            return ko;
        }
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
