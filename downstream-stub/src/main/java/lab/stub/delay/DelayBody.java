package lab.stub.delay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * One read-only direct buffer of the largest allowed body, allocated at start-up. Each answer
 * sends a slice of it: no allocation or copy per request, and Netty writes it to the socket
 * straight from native memory.
 */
final class DelayBody {

    private static final byte FILLER = 'x';

    private final ByteBuf shared;

    DelayBody(int maxBytes) {
        byte[] content = new byte[maxBytes];
        Arrays.fill(content, FILLER);
        ByteBuf direct = Unpooled.directBuffer(maxBytes, maxBytes).writeBytes(content);
        // Unreleasable: Netty releases what it writes, and this buffer must outlive every write.
        this.shared = Unpooled.unreleasableBuffer(direct.asReadOnly());
    }

    /** A view of the first {@code bytes} bytes with its own indices, safe to hand to any channel. */
    ByteBuf slice(int bytes) {
        return shared.slice(0, bytes);
    }
}
