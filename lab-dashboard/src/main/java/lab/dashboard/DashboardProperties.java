package lab.dashboard;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the dashboard, validated at start-up. The targets and the stub are what
 * {@code ./lab demo} passes; the rest has defaults that suit a laptop demo.
 *
 * @param targets the apps to watch and load, {@code name=url} separated by commas
 *     ({@code --dashboard.targets=mvc=http://127.0.0.1:8081,webflux=http://127.0.0.1:8082})
 * @param stub the downstream stub (its {@code /admin/faults} must be enabled for the fault
 *     controls); absent: no fault controls
 */
@Validated
@ConfigurationProperties("dashboard")
public record DashboardProperties(
        @NotEmpty(message = "give at least one target: --dashboard.targets=name=http://host:port,...")
        List<@Valid @NotNull Target> targets,

        URI stub,
        @Valid @NotNull @DefaultValue Sampling sampling,
        @Valid @NotNull @DefaultValue Load load,
        @Valid @NotNull @DefaultValue Limits limits) {

    public DashboardProperties {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    @AssertTrue(message = "target names must be unique")
    public boolean isTargetNamesUnique() {
        return new HashSet<>(targets.stream().map(Target::name).toList()).size() == targets.size();
    }

    @AssertTrue(message = "stub must be an absolute http:// or https:// URL")
    public boolean isStubHttp() {
        return stub == null || Target.isHttp(stub);
    }

    /** One app to watch and load, e.g. {@code mvc=http://127.0.0.1:8081}. */
    public record Target(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}", message = "must be 1-32 of a-z, 0-9 and -")
            String name,

            @NotNull URI url) {

        @AssertTrue(message = "url must be an absolute http:// or https:// URL")
        public boolean isUrlHttp() {
            return url == null || isHttp(url);
        }

        static boolean isHttp(URI uri) {
            return uri.isAbsolute()
                    && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        }

        /** {@code url} without a trailing slash, ready for a path to be appended. */
        public String base() {
            String s = url.toString();
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
    }

    /**
     * How the apps are watched.
     *
     * @param interval one scrape of every app and one event on the stream per interval
     * @param history how much the page's charts (and {@code /api/history}) keep
     * @param scrapeTimeout a scrape of a saturated MVC app waits in Tomcat's queue like any other
     *     request; it is given this long before the app counts as down
     */
    public record Sampling(
            @DefaultValue("1s") @NotNull Duration interval,
            @DefaultValue("5m") @NotNull Duration history,
            @DefaultValue("10s") @NotNull Duration scrapeTimeout) {

        @AssertTrue(message = "sampling.interval must be between 100ms and 1m")
        public boolean isIntervalSane() {
            return interval != null
                    && interval.compareTo(Duration.ofMillis(100)) >= 0
                    && interval.compareTo(Duration.ofMinutes(1)) <= 0;
        }

        @AssertTrue(message = "sampling.history must be between the interval and 1h")
        public boolean isHistorySane() {
            return history != null
                    && interval != null
                    && history.compareTo(interval) >= 0
                    && history.compareTo(Duration.ofHours(1)) <= 0;
        }

        @AssertTrue(message = "sampling.scrape-timeout must be positive")
        public boolean isScrapeTimeoutPositive() {
            return scrapeTimeout != null && scrapeTimeout.isPositive();
        }

        /** How many events the history holds. */
        public int historySize() {
            return (int) (history.toMillis() / interval.toMillis());
        }
    }

    /**
     * The built-in load generator.
     *
     * @param path what every request asks for, the same on every target
     * @param responseTimeout a request not answered by then counts as a {@code timeout} error
     * @param maxConnections connection pool size per target; above it requests wait for a
     *     connection (and that wait counts in their latency)
     * @param maxInFlight requests outstanding per target; an arrival-rate load that finds this
     *     many skips the arrival and counts it ({@code skipped}), so a dead target cannot make the
     *     dashboard hoard memory
     * @param eventLoops event-loop threads of the load generator (0: one per CPU)
     */
    public record Load(
            @DefaultValue("/api/io?delayMs=100")
            @NotNull
            @Pattern(regexp = "/[^\\s]{0,1023}", message = "must be a path starting with /")
            String path,

            @DefaultValue("30s") @NotNull Duration responseTimeout,
            @DefaultValue("10000") @Min(1) @Max(100_000) int maxConnections,
            @DefaultValue("10000") @Min(1) @Max(1_000_000) int maxInFlight,
            @DefaultValue("0") @Min(0) @Max(64) int eventLoops) {

        @AssertTrue(message = "load.response-timeout must be positive")
        public boolean isResponseTimeoutPositive() {
            return responseTimeout != null && responseTimeout.isPositive();
        }
    }

    /**
     * Bounds of what the controls accept (a control value outside them is a 400).
     *
     * @param maxUsers closed model: concurrent users per target
     * @param maxRate open model: arrivals per second per target
     * @param maxExtraLatencyMs the stub's added latency (the slider's range); the apps' own
     *     downstream timeout is 12 s
     */
    public record Limits(
            @DefaultValue("5000") @Min(1) @Max(100_000) int maxUsers,
            @DefaultValue("20000") @Min(1) @Max(1_000_000) int maxRate,
            @DefaultValue("10000") @Min(0) @Max(120_000) int maxExtraLatencyMs) {}
}
