package lab.netty.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.netty.NettyPipeline;

/** The deadline on a real Netty pipeline with the real HTTP codec, on a virtual clock. */
class HeaderDeadlineTest {

    private static final long DEADLINE_MS = 2_000;
    private static final String REQUEST = "GET /api/io HTTP/1.1\r\nHost: x\r\n\r\n";

    private final EmbeddedChannel channel = connection();

    @Test
    void aRequestWhoseHeadersNeverEndIsClosedAtTheDeadline() {
        send("GET /api/io HTTP/1.1\r\nHost: x\r\n");

        elapse(DEADLINE_MS - 1);
        assertThat(channel.isOpen()).isTrue();
        elapse(2);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aTrickleThatKeepsEveryByteWithinTheDeadlineIsStillClosedAtIt() {
        for (int i = 0; i < 4; i++) {
            assertThat(channel.isOpen())
                    .as("after %d bytes, one every quarter deadline", i)
                    .isTrue();
            send("G");
            elapse(DEADLINE_MS / 4);
        }
        elapse(1);
        assertThat(channel.isOpen()).as("one deadline after the first byte").isFalse();
    }

    @Test
    void aRequestBeingProcessedIsNotCutWhateverItTakes() {
        send(REQUEST);
        assertThat(requestsDecoded()).isEqualTo(1);

        elapse(DEADLINE_MS * 10);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void aConnectionThatSendsNothingIsLeftToTheIdleTimeout() {
        elapse(DEADLINE_MS * 10);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void eachRequestOnAKeptAliveConnectionHasItsOwnDeadline() {
        send(REQUEST);
        elapse(DEADLINE_MS * 3);
        send(REQUEST);
        elapse(DEADLINE_MS * 3);
        assertThat(requestsDecoded()).isEqualTo(2);
        assertThat(channel.isOpen()).isTrue();

        send("GET /api/io HTTP/1.1\r\n");
        elapse(DEADLINE_MS + 1);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void pipelinedRequestsInOneWriteAreAllOnTime() {
        send(REQUEST + REQUEST + REQUEST);
        elapse(DEADLINE_MS * 3);
        assertThat(requestsDecoded()).isEqualTo(3);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void aDeadlineMustBePositive() {
        assertThatThrownBy(() -> new HeaderDeadline(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConnectionWithoutTheHttpCodecIsLeftAlone() {
        EmbeddedChannel other = new EmbeddedChannel();
        new HeaderDeadline(Duration.ofMillis(DEADLINE_MS)).install(other);
        assertThat(other.pipeline().get(HeaderDeadline.BYTES_HANDLER)).isNull();
        other.finishAndReleaseAll();
    }

    private static EmbeddedChannel connection() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(NettyPipeline.HttpCodec, new HttpServerCodec());
        new HeaderDeadline(Duration.ofMillis(DEADLINE_MS)).install(channel);
        return channel;
    }

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    private void elapse(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    private int requestsDecoded() {
        int requests = 0;
        for (Object message; (message = channel.readInbound()) != null; ) {
            if (message instanceof HttpRequest) {
                requests++;
            }
            ReferenceCountUtil.release(message);
        }
        return requests;
    }
}
