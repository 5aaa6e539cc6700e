package lab.netty.deadlines;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A total deadline for a request's headers on a Reactor Netty HTTP/1.1 server: from the first byte
 * of a request until its headers are decoded. A connection that misses it is closed.
 *
 * <p>Reactor Netty has no such timeout. Its {@code idleTimeout} sits after the HTTP codec, so it is
 * not restarted by the bytes of an unfinished head and does close a connection whose head is never
 * finished or trickled, but only after the whole idle timeout, which must stay long (60 s in the lab)
 * so that it never closes a load test's connection between two requests. Its {@code readTimeout}
 * and {@code requestTimeout} start only once the head is in. This deadline gives a head a shorter
 * bound of its own. The clock starts at a request's first byte, not when the connection opens or
 * the previous answer leaves: a connection idle between requests is the idle timeout's business, and
 * a request being processed (say, waiting 10 s on a downstream) is never cut, since its head arrived
 * long before.
 *
 * <p>Two handlers per connection share one clock: one before the HTTP codec sees the bytes arrive,
 * one after it sees the decoded request. Both run on the connection's event loop.
 */
public final class HeaderDeadline {

    /** Pipeline names, before and after {@link NettyPipeline#HttpCodec}. */
    public static final String BYTES_HANDLER = "lab.headerDeadline.bytes";

    public static final String REQUESTS_HANDLER = "lab.headerDeadline.requests";

    private final long deadlineNanos;

    HeaderDeadline(Duration deadline) {
        Objects.requireNonNull(deadline, "deadline");
        if (!deadline.isPositive()) {
            throw new IllegalArgumentException("the header deadline must be positive, got " + deadline);
        }
        this.deadlineNanos = deadline.toNanos();
    }

    /** {@code server} with the deadline on every HTTP/1.1 connection it accepts. */
    public static HttpServer apply(HttpServer server, Duration deadline) {
        HeaderDeadline headerDeadline = new HeaderDeadline(deadline);
        return server.doOnChannelInit((observer, channel, remoteAddress) -> headerDeadline.install(channel));
    }

    /** Adds the two handlers to a connection whose pipeline has the HTTP/1.1 codec; any other is left alone. */
    void install(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(NettyPipeline.HttpCodec) == null) {
            return;
        }
        Clock clock = new Clock(deadlineNanos);
        pipeline.addBefore(NettyPipeline.HttpCodec, BYTES_HANDLER, clock.bytes);
        pipeline.addAfter(NettyPipeline.HttpCodec, REQUESTS_HANDLER, clock.requests);
    }

    /** One connection's clock: idle → first byte (armed) → headers decoded (disarmed) → request read → idle. */
    private static final class Clock {

        private final long deadlineNanos;
        private final Bytes bytes = new Bytes();
        private final Requests requests = new Requests();
        /** True from a request's headers until its last content: bytes then belong to that request. */
        private boolean inRequest;

        private ScheduledFuture<?> timer;

        Clock(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        private void arm(ChannelHandlerContext context) {
            if (timer == null && !inRequest) {
                timer = context.executor().schedule(() -> expire(context), deadlineNanos, TimeUnit.NANOSECONDS);
            }
        }

        private void disarm() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        private void expire(ChannelHandlerContext context) {
            timer = null;
            if (!inRequest) {
                // The headers did not arrive in time: nobody is waiting for an answer, so just close,
                // as Tomcat does when its connection timeout strikes while it reads a request line.
                context.channel().close();
            }
        }

        /** Before the codec: raw bytes. */
        private final class Bytes extends ChannelInboundHandlerAdapter {

            @Override
            public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
                if (message instanceof ByteBuf buffer && buffer.isReadable()) {
                    arm(context);
                }
                super.channelRead(context, message);
            }

            @Override
            public void channelInactive(ChannelHandlerContext context) throws Exception {
                disarm();
                super.channelInactive(context);
            }

            @Override
            public void handlerRemoved(ChannelHandlerContext context) {
                disarm();
            }
        }

        /** After the codec: decoded requests and their content. */
        private final class Requests extends ChannelInboundHandlerAdapter {

            @Override
            public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
                if (message instanceof HttpRequest) {
                    disarm();
                    inRequest = true;
                }
                if (message instanceof LastHttpContent) {
                    inRequest = false;
                }
                super.channelRead(context, message);
            }
        }
    }
}
