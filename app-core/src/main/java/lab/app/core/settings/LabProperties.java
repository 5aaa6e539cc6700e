package lab.app.core.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting both apps share. Identical defaults in both apps are what makes the comparison fair,
 * so they live here once; {@link #describe()} publishes the effective values on /actuator/info.
 */
@ConfigurationProperties("lab")
@Validated
public record LabProperties(
        @Valid @NotNull @DefaultValue Downstream downstream,
        @Valid @NotNull @DefaultValue Limits limits,
        @Valid @NotNull @DefaultValue Overload overload) {

    /** How the apps reach the stub, and how big their client connection pools are. */
    public record Downstream(
            @NotNull @DefaultValue("http://127.0.0.1:8090") URI baseUrl,

            @NotNull @DurationMin(millis = 1) @DefaultValue("1s")
            Duration connectTimeout,

            @NotNull @DurationMin(millis = 1) @DefaultValue("12s")
            Duration responseTimeout,

            @Min(1) @DefaultValue("10000") int maxConnections,
            @Min(1) @DefaultValue("20000") int pendingAcquireMax,

            @NotNull @DurationMin(millis = 1) @DefaultValue("30s")
            Duration pendingAcquireTimeout,

            // A pooled connection idle longer is closed instead of reused: below the stub's 60 s idle
            // timeout, so the apps never send a request on a connection the stub is closing.
            @NotNull @DurationMin(millis = 1) @DefaultValue("30s")
            Duration maxIdleTime) {}

    /** Upper bounds of every request parameter: an unbounded delay would let one client hold a thread per request. */
    public record Limits(
            @Min(0) @Max(600_000) @DefaultValue("10000") int maxDelayMs,
            @Min(0) @DefaultValue("65536") int maxBytes,
            @Min(1) @DefaultValue("32") int maxCalls,
            @Min(1) @DefaultValue("1000000") int maxRounds,
            @Min(1) @DefaultValue("1024") int maxQueryLength) {}

    /** Load shedding: beyond this many requests inside the app, answer 503 at once instead of queueing. */
    public record Overload(
            @Min(1) @DefaultValue("20000") int maxInProgress,

            @NotNull @DurationMin(seconds = 1) @DefaultValue("1s")
            Duration retryAfter) {

        /** The Retry-After header value: whole seconds, rounded up. */
        public long retryAfterSeconds() {
            long seconds = retryAfter.toSeconds();
            return retryAfter.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1;
        }
    }

    /** Flat view of the effective settings, key names identical in both apps (the fairness check compares them). */
    public Map<String, Object> describe() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("downstream.baseUrl", downstream.baseUrl().toString());
        settings.put("downstream.connectTimeout", downstream.connectTimeout().toString());
        settings.put("downstream.responseTimeout", downstream.responseTimeout().toString());
        settings.put("downstream.maxConnections", downstream.maxConnections());
        settings.put("downstream.pendingAcquireMax", downstream.pendingAcquireMax());
        settings.put(
                "downstream.pendingAcquireTimeout",
                downstream.pendingAcquireTimeout().toString());
        settings.put("downstream.maxIdleTime", downstream.maxIdleTime().toString());
        settings.put("limits.maxDelayMs", limits.maxDelayMs());
        settings.put("limits.maxBytes", limits.maxBytes());
        settings.put("limits.maxCalls", limits.maxCalls());
        settings.put("limits.maxRounds", limits.maxRounds());
        settings.put("limits.maxQueryLength", limits.maxQueryLength());
        settings.put("overload.maxInProgress", overload.maxInProgress());
        settings.put("overload.retryAfter", overload.retryAfter().toString());
        return settings;
    }
}
