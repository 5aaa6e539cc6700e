package lab.netty.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The slow clients a server must not let hold its connections (slowloris), against a real server
 * over real sockets: one that connects and sends nothing, one that sends half a request head and
 * stops, and one that trickles a head one byte at a time, never finishing it. Each is watched until
 * the server closes it or a bound passes. For the servers' tests (Tomcat, Reactor Netty, the stub).
 */
public final class SlowClients {

    /** The three kinds, as measured in docs/failure-modes.md. */
    public enum Kind {
        IDLE,
        HALF_SENT,
        TRICKLE
    }

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final byte[] HALF_HEAD =
            "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII);
    /** A head that never ends: one header whose value goes on for longer than any test trickles. */
    private static final byte[] ENDLESS_HEAD = ("GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                    + "a".repeat(8_000))
            .getBytes(StandardCharsets.US_ASCII);

    private SlowClients() {}

    /**
     * Opens one connection of each kind to {@code port}, trickles a byte every {@code interval} on
     * the trickling one, and returns, per kind, how long after it opened the server closed it (empty:
     * still open after {@code bound}).
     */
    public static Map<Kind, Optional<Duration>> closeTimes(int port, Duration interval, Duration bound) {
        List<CompletableFuture<Optional<Duration>>> watches = new ArrayList<>();
        Map<Kind, Optional<Duration>> closed = new EnumMap<>(Kind.class);
        try (ExecutorService threads = Executors.newFixedThreadPool(Kind.values().length)) {
            for (Kind kind : Kind.values()) {
                watches.add(CompletableFuture.supplyAsync(() -> watch(port, kind, interval, bound), threads));
            }
            for (Kind kind : Kind.values()) {
                closed.put(kind, watches.get(kind.ordinal()).join());
            }
        }
        return closed;
    }

    private static Optional<Duration> watch(int port, Kind kind, Duration interval, Duration bound) {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MS);
            long opened = System.nanoTime();
            long end = opened + bound.toNanos();
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (kind == Kind.HALF_SENT) {
                out.write(HALF_HEAD);
                out.flush();
            }
            int sent = 0;
            while (System.nanoTime() < end) {
                if (kind == Kind.TRICKLE) {
                    try {
                        out.write(ENDLESS_HEAD[sent++ % ENDLESS_HEAD.length]);
                        out.flush();
                    } catch (IOException e) {
                        return Optional.of(since(opened));
                    }
                }
                long waitMillis = Math.max(1, Math.min(interval.toMillis(), (end - System.nanoTime()) / 1_000_000));
                socket.setSoTimeout(Math.toIntExact(waitMillis));
                try {
                    if (in.read() < 0) {
                        return Optional.of(since(opened));
                    }
                    // an answer (say, a 408) before the close: keep reading until the close
                } catch (SocketTimeoutException e) {
                    // still open: next byte, or next look
                } catch (IOException e) {
                    return Optional.of(since(opened));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("slow client of kind " + kind + " on port " + port, e);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
