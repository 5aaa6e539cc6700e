package lab.stub.delay;

import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mounts {@link DelayHandler} on the Reactor Netty server in front of WebFlux: Boot routes every
 * other path (admin, actuator, unknown paths) to the WebFlux handler as before.
 */
@Configuration(proxyBeanMethods = false)
class DelayRouteConfiguration {

    @Bean
    NettyRouteProvider delayRoute(DelayHandler handler) {
        return routes -> routes.route(request -> isDelay(request.uri()), handler);
    }

    /**
     * Matches {@code /delay} and {@code /delay?...} on the raw request target. Not
     * {@code request.fullPath()}: it builds a {@code java.net.URI} per request, which showed up
     * in the stub's CPU profile.
     */
    static boolean isDelay(String uri) {
        String path = DelayHandler.PATH;
        return uri.startsWith(path) && (uri.length() == path.length() || uri.charAt(path.length()) == '?');
    }
}
