package lab.app.server;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What Reactor Netty leaves unbounded unless told, set to what Tomcat does in mvc-app (Boot has no
 * {@code server.netty.*} property for these), plus the switch of Reactor Netty's own per-request
 * meters. The idle timeout is Boot's {@code server.netty.idle-timeout} (application.yml).
 *
 * @param maxConnections connections held at once, as {@code server.tomcat.max-connections}; beyond
 *     it Reactor Netty closes a new connection at once, where Tomcat stops accepting and lets it wait
 *     in the kernel's accept queue
 * @param acceptCount the listen backlog, as {@code server.tomcat.accept-count} (the kernel caps it at
 *     {@code net.core.somaxconn})
 * @param headerTimeout a total deadline from a request's first byte to the end of its headers; a
 *     connection that misses it is closed (slow clients, slowloris). Tomcat has no such deadline, only
 *     its connection timeout between two bytes
 * @param requestMeters Reactor Netty's per-request {@code reactor.netty.http.server.*} and
 *     {@code reactor.netty.http.client.*} meters. Off by default: mvc-app has no counterpart, and they
 *     cost CPU on every request (docs/apps.md has the figures). The event-loop and connection-pool
 *     gauges stay on either way
 */
@Validated
@ConfigurationProperties("lab.netty")
public record NettySettings(
        @Min(1) @DefaultValue("20000") int maxConnections,
        @Min(1) @Max(65_535) @DefaultValue("1000") int acceptCount,

        @NotNull @DurationMin(millis = 1) @DefaultValue("20s")
        Duration headerTimeout,

        @DefaultValue("false") boolean requestMeters) {}
