package lab.app.server;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.netty.channel.ChannelOption;
import lab.app.core.render.ProblemRenderer;
import lab.app.core.request.Endpoint;
import lab.netty.deadlines.HeaderDeadline;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.NettyPipeline;

/**
 * Reactor Netty server customisations: Tomcat's connection limits, a header deadline, the optional
 * per-request meters, and request targets Spring WebFlux would refuse without a body.
 */
@Configuration(proxyBeanMethods = false)
class NettyServerConfiguration {

    static final String TARGET_SANITIZER = "lab.requestTargetSanitizer";

    /** As many connections and as long a backlog as Tomcat in mvc-app; a total deadline for request headers. */
    @Bean
    NettyServerCustomizer connectionLimits(NettySettings settings) {
        return server -> HeaderDeadline.apply(
                server.maxConnections(settings.maxConnections())
                        .option(ChannelOption.SO_BACKLOG, settings.acceptCount()),
                settings.headerTimeout());
    }

    /** reactor.netty.http.server.* meters, when switched on: what the event loop does per request. */
    @Bean
    NettyServerCustomizer nettyServerMetrics(NettySettings settings) {
        // The uri tag is the endpoint path or UNKNOWN: scanners must not create a meter per random path.
        return server -> settings.requestMeters() ? server.metrics(true, Endpoint::tagFor) : server;
    }

    /** The event-loop gauge Reactor Netty registers only with its per-request meters on. */
    @Bean
    MeterBinder eventLoopMeters(NettySettings settings, ReactorResourceFactory resources) {
        return settings.requestMeters() ? registry -> {} : new EventLoopMeters(resources);
    }

    @Bean
    NettyServerCustomizer requestTargetSanitizing(ProblemRenderer renderer) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline()
                        .addAfter(NettyPipeline.HttpCodec, TARGET_SANITIZER, new RequestTargetSanitizer(renderer));
            }
        });
    }
}
