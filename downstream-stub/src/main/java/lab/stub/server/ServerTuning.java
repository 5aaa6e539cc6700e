package lab.stub.server;

import io.netty.channel.ChannelOption;
import lab.stub.StubProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reactor Netty caps neither connections nor keep-alive requests and has no idle timeout unless
 * told to; the one default that refuses load is the accept backlog, raised here so 10,000
 * clients connecting at once are queued instead of having their SYNs dropped.
 */
@Configuration(proxyBeanMethods = false)
class ServerTuning {

    @Bean
    NettyServerCustomizer acceptBacklog(StubProperties properties) {
        int backlog = properties.server().backlog();
        return server -> server.option(ChannelOption.SO_BACKLOG, backlog);
    }
}
