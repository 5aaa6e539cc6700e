package lab.app.server;

import lab.app.core.render.ProblemRenderer;
import lab.app.core.request.Endpoint;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** Reactor Netty server customisations: meters, and request targets Spring WebFlux would refuse without a body. */
@Configuration(proxyBeanMethods = false)
class NettyServerConfiguration {

    static final String TARGET_SANITIZER = "lab.requestTargetSanitizer";

    /** reactor.netty.http.server.* and event-loop meters: what the event loop is doing, next to Spring's own timers. */
    @Bean
    NettyServerCustomizer nettyServerMetrics() {
        // The uri tag is the endpoint path or UNKNOWN: scanners must not create a meter per random path.
        return server -> server.metrics(true, Endpoint::tagFor);
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
