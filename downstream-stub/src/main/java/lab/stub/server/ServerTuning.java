package lab.stub.server;

import io.netty.channel.ChannelOption;
import lab.netty.deadlines.HeaderDeadline;
import lab.stub.StubProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reactor Netty caps neither connections nor keep-alive requests and has no timeouts unless told
 * to. The accept backlog is raised so 10,000 clients connecting at once are queued instead of having
 * their SYNs dropped; a request's headers get a total deadline (a client that trickles them byte by
 * byte, or never finishes them, is closed); the idle timeout is Boot's {@code server.netty.idle-timeout}.
 */
@Configuration(proxyBeanMethods = false)
class ServerTuning {

    @Bean
    NettyServerCustomizer acceptBacklog(StubProperties properties) {
        int backlog = properties.server().backlog();
        return server -> server.option(ChannelOption.SO_BACKLOG, backlog);
    }

    @Bean
    NettyServerCustomizer headerDeadline(StubProperties properties) {
        return server -> HeaderDeadline.apply(server, properties.server().headerTimeout());
    }
}
