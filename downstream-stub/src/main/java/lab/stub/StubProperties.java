package lab.stub;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the stub, validated at start-up so that a typo fails fast instead of
 * producing a stub that silently refuses the load it was meant to absorb.
 */
@Validated
@ConfigurationProperties("stub")
public record StubProperties(
        @Valid @NotNull @DefaultValue Limits limits,
        @Valid @NotNull @DefaultValue Defaults defaults,
        @Valid @NotNull @DefaultValue Faults faults,
        @Valid @NotNull @DefaultValue Admin admin,
        @Valid @NotNull @DefaultValue Server server) {

    /**
     * Upper bounds of every request parameter. The delay bound is far above the apps' own
     * 10 s bound on purpose: fault tests need a stub slower than an app's timeout.
     */
    public record Limits(
            @DefaultValue("120000") @Min(0) @Max(3_600_000) long maxDelayMs,

            @DefaultValue("1048576") @Min(0) @Max(16_777_216)
            int maxBytes,

            @DefaultValue("5m") @NotNull Duration maxHang) {

        @AssertTrue(message = "max-hang must be positive")
        public boolean isMaxHangPositive() {
            return maxHang != null && maxHang.isPositive();
        }
    }

    /** Values used when a request leaves a parameter out. */
    public record Defaults(
            @DefaultValue("100") @Min(0) long delayMs,
            @DefaultValue("128") @Min(0) int bytes) {}

    /** How the runtime fault mix turns into answers. */
    public record Faults(
            // Status answered for the runtime mix's errorPercent share.
            @DefaultValue("500") @Min(400) @Max(599) int mixErrorStatus) {}

    /** The runtime admin endpoint changes the stub's behaviour for everybody, so it is opt-in. */
    public record Admin(@DefaultValue("false") boolean enabled) {}

    /** Socket settings for 10,000 connections arriving at once, and a deadline for slow clients. */
    public record Server(
            // Accept queue length; the kernel caps it at net.core.somaxconn.
            @DefaultValue("4096") @Min(1) @Max(65_535) int backlog,

            // From a request's first byte to the end of its headers, as webflux-app's lab.netty.header-timeout.
            @DefaultValue("20s") @NotNull @DurationMin(millis = 1)
            Duration headerTimeout) {}

    @AssertTrue(message = "stub.defaults must lie within stub.limits")
    public boolean isDefaultsWithinLimits() {
        return limits == null
                || defaults == null
                || (defaults.delayMs() <= limits.maxDelayMs() && defaults.bytes() <= limits.maxBytes());
    }
}
